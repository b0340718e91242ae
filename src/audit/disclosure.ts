import { Missing } from "../table/missing.js";
import { determinedCells } from "./determinedCells.js";

/** One suppressed cell and why. */
export interface SuppressedCell {
  /** Area key of the row. */
  id: string;
  column: string;
  /** The value that was withheld (kept here for the internal audit trail, never in the published rows). */
  value: number;
  kind: "primär" | "sekundär";
  /** German reason, e.g. "Fallzahl 2 unter 3". */
  reason: string;
}

export interface DisclosureOptions {
  /** Area key column. */
  id: string;
  /** Count columns subject to primary suppression (counts below `minCount`). */
  counts: string[];
  /** Smallest count that may be published (default 3: counts 1 and 2 are suppressed). */
  minCount?: number;
  /** Whether a count of 0 is suppressed too (default false: an empty cell reveals nothing about a person). */
  suppressZero?: boolean;
  /** Share columns with their base (and optionally their numerator) column. */
  shares?: Array<{ column: string; base: string; numerator?: string }>;
  /** Smallest base for which a share may be published (default 30). */
  minBase?: number;
  /** Additive relations within a row: `total` = Σ `parts` (e.g. einwohner = the age bands). */
  totals?: Array<{ total: string; parts: string[] }>;
  /** Additive relations between rows: row `total` = Σ rows `parts`, for every count column (e.g. a Stadtteil row). */
  rowTotals?: Array<{ total: string; parts: string[] }>;
  /** Marker written into suppressed cells (default "." — "Zahlenwert unbekannt oder geheimzuhalten"). */
  marker?: string;
}

export interface DisclosureResult {
  /** New rows, same order and length as the input, with suppressed cells replaced by `Missing(marker)`. */
  rows: Array<Record<string, unknown>>;
  /** Every suppressed cell with its reason, primary ones first, then secondary ones in the order found. */
  suppressed: SuppressedCell[];
  /** The parameters used. */
  parameters: Required<Pick<DisclosureOptions, "minCount" | "minBase" | "suppressZero" | "marker">>;
  /** Cells that stay recomputable because no published cell was left to withhold (normally empty). */
  warnings: string[];
}

/**
 * Statistical disclosure control for published small-area tables.
 *
 * Primary suppression: a count c with 0 < c < minCount (or c = 0 with `suppressZero`) and a share whose base is
 * below `minBase` are withheld; a share whose numerator is withheld is withheld too (share × base would reveal it).
 *
 * Secondary suppression: a withheld cell in an additive relation (total = Σ parts) can be recomputed from the
 * others if it is the only unknown cell of that relation (cells missing in the input count as unknown). So until
 * no relation has exactly one unknown cell that is withheld, the smallest positive published part of such a
 * relation is withheld as well (the total only when no part is left); a share whose numerator or base is withheld
 * is withheld too. This is the usual greedy heuristic (cf. Hundepool et al., *Statistical Disclosure Control*,
 * 2012, ch. 4.4). Greedy alone is not enough once relations overlap (rows and columns, a hierarchy of totals):
 * several relations together can determine a cell although each holds two unknowns. So the pattern is then
 * audited with linear algebra ({@link determinedCells}); for each cell still determined, the smallest published
 * cell of one of its relations is withheld and greedy runs again, until no withheld cell can be recomputed
 * exactly. (Bounds from non-negativity are not audited; τ-ARGUS's optimal methods also protect intervals.)
 *
 * @example
 * const r = suppressDisclosive([{ id: "01", a: 1, b: 4, c: 5, total: 10 }],
 *   { id: "id", counts: ["a", "b", "c", "total"], totals: [{ total: "total", parts: ["a", "b", "c"] }] });
 * r.suppressed.map((s) => s.column); // ["a", "b"]: a < 3 (primary), b because total − b − c would reveal a
 */
export function suppressDisclosive(rows: ReadonlyArray<Record<string, unknown>>, options: DisclosureOptions): DisclosureResult {
  const minCount = options.minCount ?? 3;
  const minBase = options.minBase ?? 30;
  const suppressZero = options.suppressZero ?? false;
  const marker = options.marker ?? ".";
  const idCol = options.id;

  const rowIndex = new Map<string, number>();
  rows.forEach((row, i) => {
    const key = row[idCol];
    if (key === undefined || key === null || key === "") {
      throw new Error(`suppressDisclosive: Zeile ${i + 1} hat keinen Wert in der Kennungsspalte "${idCol}"`);
    }
    const id = String(key);
    if (rowIndex.has(id)) throw new Error(`suppressDisclosive: Gebiet "${id}" kommt in Spalte "${idCol}" doppelt vor`);
    rowIndex.set(id, i);
  });
  const columns = new Set([...options.counts, ...(options.shares ?? []).map((s) => s.column)]);
  const related = [
    ...(options.shares ?? []).flatMap((s) => [s.base, ...(s.numerator ? [s.numerator] : [])]),
    ...(options.totals ?? []).flatMap((t) => [t.total, ...t.parts]),
  ];
  for (const col of [...columns, ...related]) {
    if (rows.length > 0 && !(col in rows[0])) throw new Error(`suppressDisclosive: Spalte "${col}" nicht gefunden`);
  }

  const value = (i: number, col: string): number | null => {
    const v = rows[i][col];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const key = (i: number, col: string) => `${i}\u0000${col}`;
  const hidden = new Set<string>();
  const suppressed: SuppressedCell[] = [];
  const hide = (i: number, col: string, kind: SuppressedCell["kind"], reason: string) => {
    const k = key(i, col);
    if (hidden.has(k)) return;
    hidden.add(k);
    suppressed.push({ id: String(rows[i][idCol]), column: col, value: value(i, col) ?? NaN, kind, reason });
  };

  // Primary suppression.
  rows.forEach((_, i) => {
    for (const col of options.counts) {
      const v = value(i, col);
      if (v === null) continue;
      if (v < 0 || !Number.isInteger(v)) {
        throw new Error(`suppressDisclosive: Fallzahl ${v} in Spalte "${col}" von Gebiet "${rows[i][idCol]}" ist keine nicht-negative ganze Zahl`);
      }
      if ((v > 0 || suppressZero) && v < minCount) hide(i, col, "primär", `Fallzahl ${v} unter ${minCount}`);
    }
    for (const s of options.shares ?? []) {
      const base = value(i, s.base);
      if (value(i, s.column) !== null && base !== null && base < minBase) {
        hide(i, s.column, "primär", `Basis ${s.base} = ${base} unter ${minBase}`);
      }
    }
  });

  // Additive relations: lists of cells, the total first.
  const relations: Array<Array<[number, string]>> = [];
  for (const t of options.totals ?? []) {
    rows.forEach((_, i) => relations.push([[i, t.total], ...t.parts.map((p): [number, string] => [i, p])]));
  }
  for (const t of options.rowTotals ?? []) {
    const ti = rowIndex.get(t.total);
    if (ti === undefined) throw new Error(`suppressDisclosive: Summenzeile "${t.total}" nicht gefunden`);
    const parts = t.parts.map((p) => {
      const pi = rowIndex.get(p);
      if (pi === undefined) throw new Error(`suppressDisclosive: Teilzeile "${p}" der Summe "${t.total}" nicht gefunden`);
      return pi;
    });
    for (const col of options.counts) relations.push([[ti, col], ...parts.map((pi): [number, string] => [pi, col])]);
  }

  const unknown = (i: number, c: string) => value(i, c) === null || hidden.has(key(i, c));
  /** The smallest published cell among the parts of `rel` (positive ones first), else its total, else none. */
  const smallestPublished = (rel: Array<[number, string]>): [number, string] | undefined => {
    const candidates = rel.slice(1).filter(([i, c]) => !unknown(i, c));
    const positive = candidates.filter(([i, c]) => (value(i, c) as number) > 0);
    const pool = positive.length > 0 ? positive : candidates;
    let pick: [number, string] | undefined = pool[0];
    for (const cell of pool) if ((value(...cell) as number) < (value(...pick!) as number)) pick = cell;
    const [ti, tc] = rel[0];
    if (!pick && !unknown(ti, tc)) pick = [ti, tc];
    return pick;
  };
  const label = (i: number, c: string) => `${String(rows[i][idCol])}/${c}`;
  const warnings: string[] = [];
  const unprotected = new Set<string>();

  for (;;) {
    // Greedy: until no relation has a single unknown cell that is withheld.
    let changed = true;
    while (changed) {
      changed = false;
      for (const rel of relations) {
        const open = rel.filter(([i, c]) => unknown(i, c));
        if (open.length !== 1 || !hidden.has(key(...open[0]))) continue;
        const pick = smallestPublished(rel);
        if (!pick) continue;
        hide(pick[0], pick[1], "sekundär", `sonst aus Summe ${label(...rel[0])} rückrechenbar`);
        changed = true;
      }
      // A share reveals its numerator through share × base, and its base through numerator / share.
      for (const s of options.shares ?? []) {
        rows.forEach((_, i) => {
          if (hidden.has(key(i, s.column)) || value(i, s.column) === null) return;
          if (s.numerator && hidden.has(key(i, s.numerator))) {
            hide(i, s.column, "sekundär", `Zähler ${s.numerator} geheim`);
            changed = true;
          } else if (hidden.has(key(i, s.base))) {
            hide(i, s.column, "sekundär", `Basis ${s.base} geheim`);
            changed = true;
          }
        });
      }
    }
    // Audit: can several relations together still recompute a withheld cell?
    if (relations.length === 0 || hidden.size === 0) break;
    const cells = new Map<string, [number, string]>();
    for (const rel of relations) for (const cell of rel) if (unknown(...cell)) cells.set(key(...cell), cell);
    const determined = new Set(
      determinedCells(relations.map((rel) => rel.map((cell) => key(...cell))), cells.keys()).filter((k) => hidden.has(k) && !unprotected.has(k)),
    );
    const target = suppressed.find((c) => determined.has(key(rowIndex.get(c.id) as number, c.column)));
    if (!target) break;
    const ti = rowIndex.get(target.id) as number;
    let pick: [number, string] | undefined;
    for (const rel of relations) {
      if (!rel.some(([i, c]) => i === ti && c === target.column)) continue;
      const p = smallestPublished(rel);
      if (p && (!pick || (value(...p) as number) < (value(...pick) as number))) pick = p;
    }
    if (!pick) {
      unprotected.add(key(ti, target.column));
      warnings.push(`suppressDisclosive: ${label(ti, target.column)} bleibt über mehrere Summen rückrechenbar: keine veröffentlichte Zelle mehr in ihren Summen`);
      continue;
    }
    hide(pick[0], pick[1], "sekundär", `sonst über mehrere Summen rückrechenbar (${label(ti, target.column)})`);
  }

  // Every withheld cell is replaced, also in relation columns not listed in `counts`.
  const out = rows.map((row) => ({ ...row }) as Record<string, unknown>);
  for (const c of suppressed) out[rowIndex.get(c.id) as number][c.column] = new Missing(marker);
  return { rows: out, suppressed, parameters: { minCount, minBase, suppressZero, marker }, warnings };
}
