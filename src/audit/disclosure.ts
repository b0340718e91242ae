import { Missing } from "../table/missing.js";

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
}

/**
 * Statistical disclosure control for published small-area tables.
 *
 * Primary suppression: a count c with 0 < c < minCount (or c = 0 with `suppressZero`) and a share whose base is
 * below `minBase` are withheld; a share whose numerator is withheld is withheld too (share × base would reveal it).
 *
 * Secondary suppression: a withheld cell in an additive relation (total = Σ parts) can be recomputed from the
 * others if it is the only withheld cell of that relation. So until no relation has exactly one withheld cell,
 * the smallest positive published part of such a relation is withheld as well (the total only when no part is
 * left). This is the usual greedy heuristic (cf. Hundepool et al., *Statistical Disclosure Control*, 2012,
 * ch. 4.4; τ-ARGUS's hypercube method is optimal on more dimensions, greedy is exact enough for one- and
 * two-dimensional area tables).
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
      throw new Error(`suppressDisclosive: row ${i + 1} has no value in id column "${idCol}"`);
    }
    const id = String(key);
    if (rowIndex.has(id)) throw new Error(`suppressDisclosive: duplicate area "${id}" in column "${idCol}"`);
    rowIndex.set(id, i);
  });
  const columns = new Set([...options.counts, ...(options.shares ?? []).map((s) => s.column)]);
  for (const col of [...columns, ...(options.shares ?? []).map((s) => s.base)]) {
    if (rows.length > 0 && !(col in rows[0])) throw new Error(`suppressDisclosive: column "${col}" not found`);
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
        throw new Error(`suppressDisclosive: count ${v} in column "${col}" of area "${rows[i][idCol]}" is not a non-negative whole number`);
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
    if (ti === undefined) throw new Error(`suppressDisclosive: total row "${t.total}" not found`);
    const parts = t.parts.map((p) => {
      const pi = rowIndex.get(p);
      if (pi === undefined) throw new Error(`suppressDisclosive: part row "${p}" of total "${t.total}" not found`);
      return pi;
    });
    for (const col of options.counts) relations.push([[ti, col], ...parts.map((pi): [number, string] => [pi, col])]);
  }

  // Secondary suppression until every relation has zero or at least two withheld cells.
  let changed = true;
  while (changed) {
    changed = false;
    for (const rel of relations) {
      const cells = rel.filter(([i, c]) => value(i, c) !== null);
      const nHidden = cells.filter(([i, c]) => hidden.has(key(i, c))).length;
      if (nHidden !== 1) continue;
      const [ti, tc] = rel[0];
      const candidates = cells.slice(1).filter(([i, c]) => !hidden.has(key(i, c)));
      const positive = candidates.filter(([i, c]) => (value(i, c) as number) > 0);
      const pool = positive.length > 0 ? positive : candidates;
      let pick: [number, string] | undefined = pool[0];
      for (const cell of pool) if ((value(...cell) as number) < (value(...pick) as number)) pick = cell;
      if (!pick && !hidden.has(key(ti, tc)) && value(ti, tc) !== null) pick = [ti, tc];
      if (!pick) continue;
      const totalLabel = `${String(rows[ti][idCol])}/${tc}`;
      hide(pick[0], pick[1], "sekundär", `sonst aus Summe ${totalLabel} rückrechenbar`);
      changed = true;
    }
    // A share whose numerator is withheld would reveal it through share × base.
    for (const s of options.shares ?? []) {
      if (!s.numerator) continue;
      rows.forEach((_, i) => {
        if (hidden.has(key(i, s.numerator!)) && !hidden.has(key(i, s.column)) && value(i, s.column) !== null) {
          hide(i, s.column, "sekundär", `Zähler ${s.numerator} geheim`);
          changed = true;
        }
      });
    }
  }

  const out = rows.map((row, i) => {
    const copy: Record<string, unknown> = { ...row };
    for (const col of columns) if (hidden.has(key(i, col))) copy[col] = new Missing(marker);
    return copy;
  });
  return { rows: out, suppressed, parameters: { minCount, minBase, suppressZero, marker } };
}
