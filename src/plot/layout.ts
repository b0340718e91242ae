/**
 * Shared layout defaults for every figure of the package: German number format (decimal comma, dot as
 * thousands separator), a readable font and plain white background, the title at the top left with a margin
 * (not touching the edge). Builders spread these into their layout so a figure looks the same in a notebook,
 * the HTML report and a static export.
 *
 * @example
 * const layout = { ...baseLayout("Rangfolge"), xaxis: { title: { text: "Index" } } };
 */
export function baseLayout(title: string, height?: number): Record<string, unknown> {
  const layout: Record<string, unknown> = {
    // Anchored to the figure (container), 12 px in from the left and top edges.
    title: { text: title, x: 0, xref: "container", xanchor: "left", y: 1, yref: "container", yanchor: "top", pad: { l: 12, t: 12 }, font: { size: 16 } },
    // plotly's d3-format separators: decimal comma, thousands dot (German convention).
    separators: ",.",
    font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", size: 12, color: "#222222" },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    hoverlabel: { font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" } },
    margin: { l: 60, r: 20, t: 50, b: 50 },
  };
  if (height !== undefined) layout.height = height;
  return layout;
}

/** Plotly config used by every figure: responsive, no plotly logo link, German locale name. */
export function baseConfig(): Record<string, unknown> {
  return { responsive: true, displaylogo: false, locale: "de" };
}

/**
 * Height in pixels for a chart with one row per category (bars, heatmap rows), within sensible bounds. 12 px a
 * row fits the 10-px category labels of {@link barCategoryAxis} and keeps a 60-area chart under one screen.
 */
export function heightForRows(rows: number, perRow = 12, extra = 140): number {
  return Math.max(300, Math.min(4000, Math.round(rows * perRow + extra)));
}

/** Distance of the first note below the plot area: below the x tick labels and the x-axis title. */
const NOTE_OFFSET = 54;
const NOTE_LINE = 16;

/**
 * A small grey note under the plot area, below the x-axis title (line 0, 1, … stack downwards). Give the layout
 * the bottom margin {@link notesMargin} so the notes are not cut off.
 *
 * @example
 * layout.annotations = [noteAnnotation("3 Gebiete ohne Wert nicht dargestellt")];
 * layout.margin = { ...layout.margin, b: notesMargin(1) };
 */
export function noteAnnotation(text: string, line = 0): Record<string, unknown> {
  return {
    text,
    showarrow: false,
    xref: "paper",
    yref: "paper",
    x: 0,
    y: 0,
    xanchor: "left",
    yanchor: "top",
    yshift: -(NOTE_OFFSET + NOTE_LINE * line),
    align: "left",
    font: { size: 11, color: "#555555" },
  };
}

/** Bottom margin in pixels that fits the x-axis title and `lines` notes (at least `minimum`, default 50). */
export function notesMargin(lines: number, minimum = 50): number {
  return lines > 0 ? Math.max(minimum, NOTE_OFFSET + NOTE_LINE * lines + 8) : minimum;
}

/**
 * The category axis of a horizontal bar chart with one bar per area: the bars in the order of `items` from the
 * top (reversed range), keyed by id (unique even when names repeat) and labelled with the display name, with a
 * little air between the names and the bars.
 *
 * @example
 * layout.yaxis = barCategoryAxis([{ id: "010101", label: "Alt-Wiesdorf" }]);
 */
export function barCategoryAxis(items: ReadonlyArray<{ id: string; label: string }>): Record<string, unknown> {
  return {
    type: "category",
    ticklabelstandoff: 6,
    tickfont: { size: 10 },
    categoryorder: "array",
    categoryarray: items.map((d) => d.id),
    tickvals: items.map((d) => d.id),
    ticktext: items.map((d) => d.label),
    autorange: "reversed",
    automargin: true,
  };
}

/**
 * The German note for areas left out of a chart because they have no value.
 *
 * @example
 * missingValuesNote(1); // "1 Gebiet ohne Wert nicht dargestellt"
 */
export function missingValuesNote(count: number): string {
  return `${count} ${count === 1 ? "Gebiet" : "Gebiete"} ohne Wert nicht dargestellt`;
}
