/** Result of {@link checkKeys}. */
export interface KeyCheck {
  /** true when every table key is on the map and every map key in the table. */
  ok: boolean;
  /** Keys on both sides, in table order. */
  matched: string[];
  /** Table keys without an area on the map, in table order. */
  onlyInTable: string[];
  /** Map keys without a row in the table, in map order. */
  onlyInMap: string[];
  /** Unmatched pairs that differ only by leading zeros: [table key, map key]. */
  leadingZeros: Array<[string, string]>;
  /** A key pattern for `mapKeys` that would match the unmatched map keys (e.g. "STGT{00}"), or null. */
  suggestedPattern: string | null;
  /** German message naming the unmatched keys on both sides and the hints (null when ok). */
  message: string | null;
}

const LISTED = 10;
const list = (keys: readonly string[]) => keys.slice(0, LISTED).map((k) => JSON.stringify(k)).join(", ") + (keys.length > LISTED ? `, … (${keys.length - LISTED} weitere)` : "");
const digits = (k: string) => (/^\d+$/.test(k) ? String(Number(k)) : null);

/**
 * Compares the area keys of a table with those of a map before any step runs, and says in German which keys
 * are missing on which side — with a hint when keys differ only by leading zeros ("01" vs "1", usually a key
 * read as a number somewhere) or when the map keys are the table keys inside a pattern ("STGT01" for "1":
 * `mapKeys` with `{ pattern: "STGT{00}" }`).
 *
 * @example
 * checkKeys(["1", "2"], ["01", "02"]).message;
 * // 'Schlüssel von Tabelle und Karte passen nicht zusammen: 2 Schlüssel der Tabelle fehlen in der Karte ("1", "2"); …'
 */
export function checkKeys(tableKeys: readonly string[], mapKeys: readonly string[]): KeyCheck {
  const inMap = new Set(mapKeys);
  const inTable = new Set(tableKeys);
  const matched = tableKeys.filter((k) => inMap.has(k));
  const onlyInTable = tableKeys.filter((k) => !inMap.has(k));
  const onlyInMap = mapKeys.filter((k) => !inTable.has(k));
  const byNumber = new Map<string, string>();
  for (const k of onlyInMap) {
    const d = digits(k);
    if (d !== null && !byNumber.has(d)) byNumber.set(d, k);
  }
  const leadingZeros: Array<[string, string]> = [];
  for (const k of onlyInTable) {
    const d = digits(k);
    const m = d === null ? undefined : byNumber.get(d);
    if (m !== undefined) leadingZeros.push([k, m]);
  }
  const suggestedPattern = suggestPattern(onlyInTable, onlyInMap);
  const ok = onlyInTable.length === 0 && onlyInMap.length === 0;
  let message: string | null = null;
  if (!ok) {
    const parts: string[] = [];
    if (onlyInTable.length) parts.push(`${onlyInTable.length} Schlüssel der Tabelle fehlen in der Karte (${list(onlyInTable)})`);
    if (onlyInMap.length) parts.push(`${onlyInMap.length} Schlüssel der Karte fehlen in der Tabelle (${list(onlyInMap)})`);
    if (leadingZeros.length) {
      const [t, m] = leadingZeros[0];
      parts.push(`Hinweis: ${leadingZeros.length} Schlüssel unterscheiden sich nur durch führende Nullen (z. B. ${JSON.stringify(t)} in der Tabelle, ${JSON.stringify(m)} in der Karte) — Schlüssel als Text mit führenden Nullen speichern (nicht als Zahl) oder ein Schlüsselmuster angeben`);
    }
    if (suggestedPattern !== null) parts.push(`Hinweis: die Karte nennt die Gebiete mit dem Muster ${JSON.stringify(suggestedPattern)} — Kartenschlüssel über mapKeys mit { pattern: ${JSON.stringify(suggestedPattern)} } zuordnen`);
    message = `Schlüssel von Tabelle und Karte passen nicht zusammen: ${parts.join("; ")}`;
  }
  return { ok, matched, onlyInTable, onlyInMap, leadingZeros, suggestedPattern, message };
}

/** "STGT{00}" when every unmatched table key k (digits) appears on the map as STGT + k padded to 2 digits. */
function suggestPattern(onlyInTable: readonly string[], onlyInMap: readonly string[]): string | null {
  if (onlyInTable.length === 0 || onlyInMap.length === 0) return null;
  const m = /^(.*?)(\d+)(\D*)$/.exec(onlyInMap[0]);
  if (!m || (m[1] === "" && m[3] === "")) return null;
  const [, prefix, num, suffix] = m;
  const pattern = `${prefix}{${"0".repeat(num.length)}}${suffix}`;
  const mapSet = new Set(onlyInMap);
  const hits = onlyInTable.filter((k) => /^\d+$/.test(k) && mapSet.has(`${prefix}${String(Number(k)).padStart(num.length, "0")}${suffix}`));
  return hits.length === onlyInTable.length ? pattern : null;
}
