/**
 * A plotly figure as plain data: what every plot builder returns. The same object goes into a notebook (tslab),
 * the HTML report and a static PNG/SVG, and tests can check it without a browser.
 */
export interface Figure {
  data: Array<Record<string, unknown>>;
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
}
