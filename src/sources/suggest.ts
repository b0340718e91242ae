/**
 * The optimal-string-alignment (restricted Damerau–Levenshtein) distance: insertions, deletions, substitutions
 * and transpositions of neighbouring characters each cost 1 (Damerau 1964; Levenshtein 1966).
 *
 * @example
 * editDistance("einwohner", "einwohenr"); // 1 (transposition)
 * editDistance("kitten", "sitting");      // 3
 */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

/** Lower case, umlauts folded, separators dropped: "Einwohner_innen" ~ "einwohnerinnen", "Ä" ~ "ae". */
function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[\s_\-./]+/g, "");
}

/**
 * The known names closest to `name` (at most 3, all at the smallest distance found): those within an edit distance of a third of the length
 * (at least 2), after folding case, umlauts and separators; a known name containing `name` (or the reverse)
 * counts too.
 *
 * @example
 * closestNames("Einwohnr", ["EW", "Einwohner", "Name"]); // ["Einwohner"]
 */
export function closestNames(name: string, known: readonly string[]): string[] {
  const f = fold(name);
  const scored: Array<{ k: string; d: number }> = [];
  for (const k of known) {
    const g = fold(k);
    const d = editDistance(f, g);
    const limit = Math.max(2, Math.floor(Math.max(f.length, g.length) / 3));
    if (d <= limit) scored.push({ k, d });
    else if (f.length >= 3 && g.length >= 3 && (g.includes(f) || f.includes(g))) scored.push({ k, d: limit + 1 });
  }
  scored.sort((x, y) => x.d - y.d || (x.k < y.k ? -1 : 1));
  // Only the closest: "Stadt " → "Stadt", not also "Nordstadt".
  return scored.filter((s) => s.d === scored[0].d).slice(0, 3).map((s) => s.k);
}

/**
 * A German hint for an unknown name: ` – meinten Sie "Einwohner"?` (empty when nothing is close).
 *
 * @example
 * meintenSie("Einwohnr", ["Einwohner", "Name"]); // ' – meinten Sie "Einwohner"?'
 */
export function meintenSie(name: string, known: readonly string[]): string {
  const c = closestNames(name, known);
  if (c.length === 0) return "";
  return ` – meinten Sie ${c.map((k) => JSON.stringify(k)).join(" oder ")}?`;
}

/** Lists names for a message, at most `max` of them: `"a", "b", … (12 insgesamt)`. */
export function listNames(names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).map((n) => JSON.stringify(n)).join(", ");
  return names.length > max ? `${shown}, … (${names.length} insgesamt)` : shown;
}
