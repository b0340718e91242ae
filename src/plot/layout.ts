/**
 * Shared layout defaults for every figure of the package: German number format (decimal comma, dot as
 * thousands separator), a readable font and plain white background. Builders spread these into their layout
 * so a figure looks the same in a notebook, the HTML report and a static export.
 *
 * @example
 * const layout = { ...baseLayout("Rangfolge"), xaxis: { title: { text: "Index" } } };
 */
export function baseLayout(title: string, height?: number): Record<string, unknown> {
  const layout: Record<string, unknown> = {
    title: { text: title, x: 0, xanchor: "left" },
    // plotly's d3-format separators: decimal comma, thousands dot (German convention).
    separators: ",.",
    font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", size: 12 },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    margin: { l: 60, r: 20, t: 50, b: 50 },
  };
  if (height !== undefined) layout.height = height;
  return layout;
}

/** Plotly config used by every figure: responsive, no plotly logo link, German locale name. */
export function baseConfig(): Record<string, unknown> {
  return { responsive: true, displaylogo: false, locale: "de" };
}

/** Height in pixels for a chart with one row per category (bars, heatmap rows), within sensible bounds. */
export function heightForRows(rows: number, perRow = 18, extra = 140): number {
  return Math.max(300, Math.min(4000, Math.round(rows * perRow + extra)));
}
