/** The German compass labels used for Sozialraum names, in the order their ids are numbered. */
export const COMPASS_LABELS = ["Mitte", "Nord", "Nordost", "Ost", "Südost", "Süd", "Südwest", "West", "Nordwest"] as const;

/**
 * Gives each place a distinct compass label ("Mitte", "Nord", …) from its offset (dx east, dy north) to the
 * centre of its Stadtteil: greedy matching of the smallest distances between the normalised offsets and the
 * ideal label positions (Mitte at the centre, the eight directions on a circle). At most nine places.
 *
 * @example
 * compassNames([{ dx: 0, dy: 0 }, { dx: 0, dy: 5 }]); // ["Mitte", "Nord"]
 */
export function compassNames(offsets: ReadonlyArray<{ dx: number; dy: number }>): string[] {
  if (offsets.length > COMPASS_LABELS.length) throw new Error(`compassNames: höchstens 9 Orte, angegeben sind ${offsets.length}`);
  const scale = Math.max(1e-9, ...offsets.map((o) => Math.hypot(o.dx, o.dy)));
  const ideal = COMPASS_LABELS.map((_, k) => {
    if (k === 0) return [0, 0];
    const angle = Math.PI / 2 - ((k - 1) * Math.PI) / 4; // Nord = up, then clockwise
    return [0.75 * Math.cos(angle), 0.75 * Math.sin(angle)];
  });
  const pairs: Array<{ p: number; l: number; d: number }> = [];
  offsets.forEach((o, p) => {
    ideal.forEach(([x, y], l) => pairs.push({ p, l, d: Math.hypot(o.dx / scale - x, o.dy / scale - y) }));
  });
  pairs.sort((a, b) => a.d - b.d || a.p - b.p || a.l - b.l);
  const out: string[] = new Array(offsets.length);
  const usedLabel = new Set<number>();
  for (const { p, l } of pairs) {
    if (out[p] !== undefined || usedLabel.has(l)) continue;
    out[p] = COMPASS_LABELS[l];
    usedLabel.add(l);
  }
  return out;
}
