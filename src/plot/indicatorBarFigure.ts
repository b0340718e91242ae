import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { Figure } from "./figure.js";
import { barCategoryAxis, baseConfig, baseLayout, heightForRows, missingValuesNote, noteAnnotation, notesMargin } from "./layout.js";
import { MISSING_COLOR } from "./palette.js";
import { cellNumber, cellText, FIGURE_NUMBER, requireColumn, type PlotRow } from "./rows.js";
import type { TableLike } from "../table/tableLike.js";
import { plotRows } from "./plotRows.js";

/** Options of {@link indicatorBarFigure}. */
export interface IndicatorBarOptions {
  /** Column with the area key (default "id"). */
  id?: string;
  /** Column with the display name (default: the id). */
  label?: string;
  /** Column with the indicator value (e.g. a rate in %). */
  value: string;
  /** Column with the lower confidence limit (optional; with `upper`). */
  lower?: string;
  /** Column with the upper confidence limit (optional; with `lower`). */
  upper?: string;
  /** Reference value drawn as a vertical line, e.g. the city-wide rate. */
  reference?: number;
  /** German name of the reference (default "Gesamtstadt"). */
  referenceLabel?: string;
  /** Bar order: input order (default), or sorted by value. */
  sort?: "none" | "ascending" | "descending";
  /** German title. */
  title?: string;
  /** German axis title of the value (e.g. "SGB-II-Quote in %"). */
  valueTitle?: string;
  /** Confidence level shown in the legend (e.g. 0.95 → "95-%-Konfidenzintervall"). */
  level?: number;
  /** Decimals in hover texts (default 1). */
  decimals?: number;
  /** Column that is true for bars to draw grey (e.g. values left out of the standardisation). */
  muted?: string;
  /** German note explaining the grey bars (default "grau: nicht in der Auswertung"). */
  mutedLabel?: string;
}

/**
 * Horizontal bars of an indicator per area with asymmetric confidence intervals as error bars
 * (`error_x.array = upper − value`, `arrayminus = value − lower`) and an optional reference line (Gesamtstadt).
 * Areas without a value are not drawn (a note says how many); a missing interval leaves that bar without
 * error bar.
 *
 * @example
 * const fig = indicatorBarFigure(
 *   [{ id: "010101", quote: 12.5, lo: 10.1, hi: 15.2 }],
 *   { value: "quote", lower: "lo", upper: "hi", reference: 9.8, valueTitle: "SGB-II-Quote in %" },
 * );
 * fig.data[0].error_x.array; // [2.7] (15.2 − 12.5)
 */
export function indicatorBarFigure(table: TableLike | readonly PlotRow[], options: IndicatorBarOptions): Figure {
  const rows = plotRows(table);
  const fn = "indicatorBarFigure";
  const idKey = options.id ?? "id";
  requireColumn(fn, rows, idKey);
  requireColumn(fn, rows, options.value);
  if (options.label) requireColumn(fn, rows, options.label);
  if ((options.lower === undefined) !== (options.upper === undefined)) {
    throw new Error(`${fn}: lower und upper entweder beide oder keine angeben; angegeben ist nur ${options.lower !== undefined ? "lower" : "upper"}`);
  }
  if (options.lower) requireColumn(fn, rows, options.lower);
  if (options.upper) requireColumn(fn, rows, options.upper);
  const decimals = options.decimals ?? 1;

  const items = rows
    .map((row, i) => ({
      i,
      id: cellText(row, idKey),
      label: options.label ? cellText(row, options.label) || cellText(row, idKey) : cellText(row, idKey),
      value: cellNumber(row, options.value),
      lower: options.lower ? cellNumber(row, options.lower) : null,
      upper: options.upper ? cellNumber(row, options.upper) : null,
      muted: options.muted ? Boolean(row[options.muted]) : false,
    }))
    .filter((d): d is typeof d & { value: number } => d.value !== null);
  for (const d of items) {
    if ((d.lower !== null && d.lower > d.value) || (d.upper !== null && d.upper < d.value)) {
      throw new Error(
        `${fn}: das Intervall [${d.lower}, ${d.upper}] enthält den Wert ${d.value} in Gebiet "${d.id}" nicht`,
      );
    }
  }
  const missingCount = rows.length - items.length;
  if (options.sort === "ascending") items.sort((a, b) => a.value - b.value || a.i - b.i);
  if (options.sort === "descending") items.sort((a, b) => b.value - a.value || a.i - b.i);

  const valueTitle = options.valueTitle ?? "Wert";
  const hasCi = options.lower !== undefined;
  const ciName = options.level ? `${formatGermanNumber(options.level * 100, { ...FIGURE_NUMBER, decimals: 0 })}-%-Konfidenzintervall` : "Konfidenzintervall";
  const trace: Record<string, unknown> = {
    type: "bar",
    orientation: "h",
    name: valueTitle,
    y: items.map((d) => d.id),
    x: items.map((d) => d.value),
    marker: { color: items.map((d) => (d.muted ? MISSING_COLOR : "#4575b4")) },
    customdata: items.map((d) => [
      d.label,
      formatGermanNumber(d.value, { ...FIGURE_NUMBER, decimals }),
      formatGermanNumber(d.lower, { ...FIGURE_NUMBER, decimals }),
      formatGermanNumber(d.upper, { ...FIGURE_NUMBER, decimals }),
    ]),
    hovertemplate: hasCi
      ? `<b>%{customdata[0]}</b> (%{y})<br>${valueTitle}: %{customdata[1]}<br>${ciName}: %{customdata[2]} bis %{customdata[3]}<extra></extra>`
      : `<b>%{customdata[0]}</b> (%{y})<br>${valueTitle}: %{customdata[1]}<extra></extra>`,
    showlegend: false,
  };
  if (hasCi) {
    // NaN leaves a bar without whisker (plotly skips non-finite error values).
    trace.error_x = {
      type: "data",
      symmetric: false,
      array: items.map((d) => (d.upper === null ? null : d.upper - d.value)),
      arrayminus: items.map((d) => (d.lower === null ? null : d.value - d.lower)),
      color: "#333333",
      thickness: 1.2,
      width: 3,
    };
  }
  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? valueTitle, heightForRows(items.length)),
    xaxis: { title: { text: valueTitle }, zeroline: true, automargin: true },
    yaxis: barCategoryAxis(items),
  };
  const annotations: Array<Record<string, unknown>> = [];
  if (options.reference !== undefined) {
    const refLabel = options.referenceLabel ?? "Gesamtstadt";
    layout.shapes = [
      { type: "line", xref: "x", yref: "paper", x0: options.reference, x1: options.reference, y0: 0, y1: 1, line: { color: "#d73027", width: 1.5, dash: "dash" } },
    ];
    annotations.push({
      text: `${refLabel}: ${formatGermanNumber(options.reference, { ...FIGURE_NUMBER, decimals })}`,
      xref: "x", yref: "paper", x: options.reference, y: 1, yanchor: "bottom", showarrow: false,
      font: { size: 11, color: "#d73027" },
    });
  }
  const notes: string[] = [];
  if (items.some((d) => d.muted)) notes.push(options.mutedLabel ?? "grau: nicht in der Auswertung");
  if (missingCount > 0) notes.push(missingValuesNote(missingCount));
  notes.forEach((t, line) => annotations.push(noteAnnotation(t, line)));
  if (notes.length > 0) layout.margin = { ...(layout.margin as object), b: notesMargin(notes.length) };
  if (annotations.length > 0) layout.annotations = annotations;
  return { data: [trace], layout, config: baseConfig() };
}
