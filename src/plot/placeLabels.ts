/** A point to label, in data coordinates. */
export interface LabelPoint {
  x: number;
  y: number;
  text: string;
}

/** Options of {@link placeLabels}. */
export interface PlaceLabelsOptions {
  /** Axis ranges of the plot area ([low, high] in data units). */
  xRange: readonly [number, number];
  yRange: readonly [number, number];
  /** Assumed size of the plot area in pixels (default 760 × 420: a 900 × 560 figure less its margins). */
  width?: number;
  height?: number;
  /** Font size of the labels in pixels (default 10). */
  fontSize?: number;
  /** Pixel boxes of the plot area already used (e.g. corner texts), measured from its top left corner. */
  reserved?: ReadonlyArray<{ left: number; right: number; top: number; bottom: number }>;
}

/**
 * Greedy label placement for a scatter plot: each label (in the order given, so put the most important first)
 * becomes a plotly annotation with a thin leader line to its point, at the first of a fixed list of offsets
 * (above, below, right, left, then further out) whose estimated text box stays inside the plot area and overlaps
 * neither an earlier label nor a point. Text widths are estimated (0.6 × font size per character), so placement
 * is approximate but deterministic; labels that find no free place are left out (the point keeps its hover text).
 *
 * @example
 * const notes = placeLabels([{ x: 1, y: 2, text: "Altstadt" }], { xRange: [0, 3], yRange: [0, 4] });
 * notes[0]; // { x: 1, y: 2, text: "Altstadt", ax: 0, ay: -16, showarrow: true, … }
 */
export function placeLabels(points: readonly LabelPoint[], options: PlaceLabelsOptions): Array<Record<string, unknown>> {
  const width = options.width ?? 760;
  const height = options.height ?? 420;
  const font = options.fontSize ?? 10;
  const [x0, x1] = options.xRange;
  const [y0, y1] = options.yRange;
  const px = (x: number) => ((x - x0) / (x1 - x0 || 1)) * width;
  const py = (y: number) => height - ((y - y0) / (y1 - y0 || 1)) * height;
  type Box = { l: number; r: number; t: number; b: number };
  // Every point blocks a small square, so labels do not cover other points.
  const taken: Box[] = points.map((p) => ({ l: px(p.x) - 5, r: px(p.x) + 5, t: py(p.y) - 5, b: py(p.y) + 5 }));
  for (const r of options.reserved ?? []) taken.push({ l: r.left, r: r.right, t: r.top, b: r.bottom });
  const overlaps = (a: Box, b: Box) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
  const offsets: Array<[number, number]> = [];
  for (const d of [16, 30, 46]) offsets.push([0, -d], [0, d], [d + 8, 0], [-(d + 8), 0], [d, -d], [-d, -d], [d, d], [-d, d]);
  const out: Array<Record<string, unknown>> = [];
  for (const p of points) {
    const w = p.text.length * font * 0.6 + 4;
    const h = font + 4;
    const cx = px(p.x);
    const cy = py(p.y);
    for (const [ax, ay] of offsets) {
      // plotly centres the annotation text on (ax, ay) relative to the point.
      const box = { l: cx + ax - w / 2, r: cx + ax + w / 2, t: cy + ay - h / 2, b: cy + ay + h / 2 };
      if (box.l < 0 || box.r > width || box.t < 0 || box.b > height) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      taken.push(box);
      out.push({
        x: p.x,
        y: p.y,
        xref: "x",
        yref: "y",
        text: p.text,
        showarrow: true,
        arrowhead: 0,
        arrowwidth: 0.8,
        arrowcolor: "#777777",
        standoff: 4,
        ax,
        ay,
        font: { size: font, color: "#222222" },
      });
      break;
    }
  }
  return out;
}
