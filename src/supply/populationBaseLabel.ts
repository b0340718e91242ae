/**
 * German name of the residents a supply rate is counted per (its "Bezugsgruppe"), from the structure-data columns
 * summed into that population: age bands `ew_A_B` / `ew_A_plus` are merged where they touch ("ew_0_5", "ew_6_14",
 * "ew_15_17" → "0–17 Jahre"), `einwohner` is "alle Einwohner", any other column keeps its name. With `types`, the
 * facility types counted follow in parentheses, so a reader sees e.g. that Kita places are per child under six.
 *
 * @example
 * populationBaseLabel(["ew_0_5"], { types: ["Kita"] }); // "0–5 Jahre (Kita)"
 * populationBaseLabel(["ew_15_17", "ew_18_24", "ew_25_64"]); // "15–64 Jahre"
 * populationBaseLabel(["ew_65_plus"]); // "65 Jahre und älter"
 */
export function populationBaseLabel(columns: readonly string[], options: { types?: readonly string[] | null } = {}): string {
  const bands: Array<[number, number]> = [];
  const other: string[] = [];
  for (const c of columns) {
    const m = /^ew_(\d+)_(\d+|plus)$/.exec(c);
    if (m) bands.push([Number(m[1]), m[2] === "plus" ? Infinity : Number(m[2])]);
    else other.push(c === "einwohner" ? "alle Einwohner" : c);
  }
  bands.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [lo, hi] of bands) {
    const last = merged[merged.length - 1];
    // Whole years: 0–5 and 6–14 touch; overlapping bands merge as well.
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  const parts = [...merged.map(([lo, hi]) => (hi === Infinity ? `${lo} Jahre und älter` : `${lo}–${hi} Jahre`)), ...other];
  const label = parts.join(", ");
  return options.types && options.types.length > 0 ? `${label} (${options.types.join(", ")})` : label;
}
