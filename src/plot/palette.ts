/**
 * Colours used by the plots. The class colours run from favourable (blue/green) to unfavourable (red), so that
 * an ordered list of classes (least to most need) gets an ordered colour ramp; unordered categories get the
 * categorical palette. Colour-blind-safe: the ramps are ColorBrewer RdYlBu (marked colour-blind safe), the
 * categories Okabe & Ito (2008, "Color Universal Design") and then Paul Tol's "muted" scheme.
 */

/** Diverging ramp from favourable to unfavourable, 2 to 7 classes (ColorBrewer RdYlBu, reversed). */
const DIVERGING: Record<number, string[]> = {
  1: ["#d73027"],
  2: ["#4575b4", "#d73027"],
  3: ["#4575b4", "#fee090", "#d73027"],
  4: ["#4575b4", "#abd9e9", "#fdae61", "#d73027"],
  5: ["#4575b4", "#abd9e9", "#ffffbf", "#fdae61", "#d73027"],
  6: ["#4575b4", "#91bfdb", "#e0f3f8", "#fee090", "#fc8d59", "#d73027"],
  7: ["#4575b4", "#91bfdb", "#e0f3f8", "#ffffbf", "#fee090", "#fc8d59", "#d73027"],
};

/**
 * Categorical palette for unordered groups: the seven colours of Okabe & Ito (without black and grey, which
 * would read as "no value" next to {@link MISSING_COLOR}), distinguishable with every common colour-vision
 * deficiency; then Paul Tol's "muted" scheme (https://personal.sron.nl/~pault/) for more groups.
 */
export const CATEGORICAL_COLORS: readonly string[] = [
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442",
  "#332288", "#88ccee", "#44aa99", "#117733", "#999933", "#ddcc77", "#cc6677", "#882255", "#aa4499",
];

/** Colour for values outside the analysis (no class, excluded area). */
export const MISSING_COLOR = "#d9d9d9";

/**
 * Colours for an ordered list of classes (first = least need, last = most need).
 *
 * @example
 * orderedClassColors(["unauffällig", "auffällig", "stark auffällig"]);
 * // { unauffällig: "#4575b4", auffällig: "#fee090", "stark auffällig": "#d73027" }
 */
export function orderedClassColors(classes: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const ramp = DIVERGING[classes.length];
  classes.forEach((c, i) => {
    out[c] = ramp ? ramp[i] : CATEGORICAL_COLORS[i % CATEGORICAL_COLORS.length];
  });
  return out;
}

/**
 * Resolves the colour of every class: explicit colours win, the rest get the ordered ramp (when `ordered`)
 * or the categorical palette, in the order given.
 */
export function resolveClassColors(
  classes: readonly string[],
  colors: Readonly<Record<string, string>> = {},
  ordered = true,
): Record<string, string> {
  const base = ordered ? orderedClassColors(classes) : Object.fromEntries(classes.map((c, i) => [c, CATEGORICAL_COLORS[i % CATEGORICAL_COLORS.length]]));
  const out: Record<string, string> = {};
  for (const c of classes) out[c] = colors[c] ?? base[c];
  return out;
}
