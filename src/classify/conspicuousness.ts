import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { Exclusion } from "../table/exclusion.js";
import { Missing } from "../table/missing.js";
import { assignClass, type ClassScheme } from "./assignClass.js";
import { columnAccess, requireColumn, type TableInput } from "./columns.js";
import { conspicuousnessScheme, DEFAULT_THRESHOLDS, type ConspicuousnessThresholds } from "./schemes.js";

/** Level of one indicator in one area, and the verdict for a target group. */
export type Verdict = "unauffällig" | "auffällig" | "stark auffällig";

/**
 * An indicator as the conspicuousness check needs it. Catalogue entries of `src/indicators` fit (extra fields
 * are ignored). The rows must hold the direction-adjusted z-value in `column` (default: the id).
 */
export interface FlagIndicator {
  id: string;
  targetGroup: string;
  label?: string;
  /** Column with the z-value; default `id`. */
  column?: string;
}

/**
 * The rule that turns the flags of one target group into a verdict. Defaults: "stark auffällig" if any
 * indicator is stark auffällig or at least 2 indicators are flagged; "auffällig" if at least 1 is flagged.
 */
export interface VerdictRule {
  /** Any stark auffällig indicator makes the group stark auffällig (default true). */
  strongIfAnyStrong?: boolean;
  /** This many flagged indicators (auffällig or stark) make the group stark auffällig (default 2; Infinity: never). */
  strongMinFlags?: number;
  /** This many flagged indicators make the group auffällig (default 1). */
  minFlags?: number;
}

export const DEFAULT_VERDICT_RULE: Readonly<Required<VerdictRule>> = Object.freeze({
  strongIfAnyStrong: true,
  strongMinFlags: 2,
  minFlags: 1,
});

/** Options of {@link conspicuousness}. */
export interface ConspicuousnessOptions {
  /** The area id column. */
  id: string;
  indicators: readonly FlagIndicator[];
  thresholds?: ConspicuousnessThresholds;
  rule?: VerdictRule;
}

/** One flagged indicator of an area. */
export interface IndicatorFlag {
  indicator: string;
  label: string;
  targetGroup: string;
  z: number;
  level: "auffällig" | "stark auffällig";
}

/** The verdict for one area and target group, with the indicators behind it. */
export interface GroupVerdict {
  targetGroup: string;
  /** null when every indicator of the group is missing in this area. */
  verdict: Verdict | null;
  /** Number of flagged indicators (auffällig or stark auffällig). */
  flags: number;
  /** Number of stark auffällig indicators. */
  strongFlags: number;
  /** Ids of the flagged indicators, strongest z first. */
  indicators: string[];
  /** Ids of indicators without a value in this area. */
  missing: string[];
  /**
   * German explanation, e.g. "2 von 3 Indikatoren auffällig: SGB II-Quote (z = 1,72, stark auffällig), …" (decimal
   * comma), followed by "; ohne Wert: …" naming the indicators without a value.
   */
  reason: string;
}

/** All flags and verdicts of one area, in input order. */
export interface AreaConspicuousness {
  id: string;
  flags: IndicatorFlag[];
  groups: GroupVerdict[];
}

/** Result of {@link conspicuousness}. */
export interface ConspicuousnessResult {
  name: "conspicuousness";
  n: number;
  thresholds: Required<ConspicuousnessThresholds>;
  rule: Required<VerdictRule>;
  /** Target groups in order of first appearance in `indicators`. */
  targetGroups: string[];
  /** One entry per area, input order (built on first access from the z-values; `verdicts` has the verdicts alone). */
  readonly areas: AreaConspicuousness[];
  /**
   * The verdicts as columns: per target group one code per area (input order), an index into
   * {@link VERDICT_CODES} (0 = null: every indicator of the group is missing in the area).
   */
  verdicts: Record<string, Uint8Array>;
  /** Number of areas per target group and verdict. */
  counts: Record<string, Record<Verdict, number>>;
  excluded: Exclusion[];
  warnings: string[];
}

/** The verdict codes of {@link ConspicuousnessResult.verdicts}: code k stands for `VERDICT_CODES[k]`. */
export const VERDICT_CODES: readonly (Verdict | null)[] = [null, "unauffällig", "auffällig", "stark auffällig"];

/**
 * The verdict for a target group from its flag counts under `rule` (see {@link VerdictRule}).
 *
 * @example
 * verdictFor({ flags: 2, strongFlags: 0 });                           // "stark auffällig"
 * verdictFor({ flags: 2, strongFlags: 0 }, { strongMinFlags: 3 });    // "auffällig"
 */
export function verdictFor(counts: { flags: number; strongFlags: number }, rule: VerdictRule = {}): Verdict {
  const r = withDefaults(rule);
  if ((r.strongIfAnyStrong && counts.strongFlags > 0) || counts.flags >= r.strongMinFlags) return "stark auffällig";
  if (counts.flags >= r.minFlags) return "auffällig";
  return "unauffällig";
}

/** The rule with defaults for absent AND explicitly undefined fields (a spread would copy `undefined` over them). */
function withDefaults(rule: VerdictRule): Required<VerdictRule> {
  return {
    strongIfAnyStrong: rule.strongIfAnyStrong ?? DEFAULT_VERDICT_RULE.strongIfAnyStrong,
    strongMinFlags: rule.strongMinFlags ?? DEFAULT_VERDICT_RULE.strongMinFlags,
    minFlags: rule.minFlags ?? DEFAULT_VERDICT_RULE.minFlags,
  };
}

/**
 * Conspicuous ("auffällige") areas per target group, as in the Leverkusen Sozialbericht: every indicator whose
 * z-value exceeds a threshold is flagged ("auffällig" z > 1, "stark auffällig" z > 1.5 by default; a value
 * exactly at the threshold is not flagged), the flags are counted per target group, and a rule gives the verdict
 * ("unauffällig" | "auffällig" | "stark auffällig") naming the indicators behind it.
 *
 * The rows must carry direction-adjusted z-values (high = more disadvantage), e.g. from `zScores`. Missing
 * z-values raise no flag; they are listed per group, and a group whose indicators are all missing gets verdict
 * null and an entry in `excluded`.
 *
 * @example
 * const r = conspicuousness(
 *   [{ id: "01", sgb2: 1.2, ki: 0.3, alt: 1.8 }],
 *   { id: "id", indicators: [
 *     { id: "sgb2", targetGroup: "working-age" }, { id: "ki", targetGroup: "children" },
 *     { id: "alt", targetGroup: "elderly" } ] },
 * );
 * r.areas[0].groups.map((g) => g.verdict); // ["auffällig", "unauffällig", "stark auffällig"]
 */
export function conspicuousness(data: TableInput, options: ConspicuousnessOptions): ConspicuousnessResult {
  const fn = "conspicuousness";
  if (options == null || typeof options.id !== "string") throw new Error(`${fn}: options.id (die Kennungsspalte) fehlt`);
  if (!Array.isArray(options.indicators) || options.indicators.length === 0) throw new Error(`${fn}: options.indicators muss mindestens einen Indikator nennen`);
  const scheme = conspicuousnessScheme(options.thresholds);
  const thresholds = { flag: options.thresholds?.flag ?? DEFAULT_THRESHOLDS.flag, strong: options.thresholds?.strong ?? DEFAULT_THRESHOLDS.strong };
  const rule = withDefaults(options.rule ?? {});
  for (const k of ["strongMinFlags", "minFlags"] as const) {
    if (typeof rule[k] !== "number" || !(rule[k] >= 1)) throw new Error(`${fn}: Option "rule.${k}" muss eine Zahl ≥ 1 sein, angegeben: ${JSON.stringify(rule[k])}`);
  }
  const access = columnAccess(fn, data);
  const n = access.length;
  const idCol = requireColumn(fn, access, options.id, "Kennung");
  const inds = options.indicators.map((ind) => {
    if (!ind || typeof ind.id !== "string" || typeof ind.targetGroup !== "string") {
      throw new Error(`${fn}: jeder Indikator braucht id und targetGroup, angegeben: ${JSON.stringify(ind)}`);
    }
    const column = ind.column ?? ind.id;
    return { id: ind.id, label: ind.label ?? ind.id, targetGroup: ind.targetGroup, values: requireColumn(fn, access, column, `z-Wert des Indikators "${ind.id}"`), column };
  });
  // An indicator listed twice would be counted twice and could alone make a group "stark auffällig".
  const seenIds = new Set<string>();
  for (const d of inds) {
    if (seenIds.has(d.id)) throw new Error(`${fn}: Indikator "${d.id}" ist doppelt angegeben`);
    seenIds.add(d.id);
  }
  const targetGroups = [...new Set(inds.map((d) => d.targetGroup))];
  const counts: Record<string, Record<Verdict, number>> = {};
  for (const g of targetGroups) counts[g] = { unauffällig: 0, auffällig: 0, "stark auffällig": 0 };
  const excluded: Exclusion[] = [];
  const ids = new Array<string>(n);
  // Counts per group instead of flag objects: the verdicts, counts and exclusions now; the flags, their order and
  // the German reasons of `areas` when it is first read (one object per area and group, only the report needs them).
  const groupOf = inds.map((d) => targetGroups.indexOf(d.targetGroup));
  const totals = targetGroups.map((g) => inds.filter((d) => d.targetGroup === g).length);
  const verdictCols = targetGroups.map(() => new Uint8Array(n));
  const flagCount = new Int32Array(targetGroups.length);
  const strongCount = new Int32Array(targetGroups.length);
  const missingCount = new Int32Array(targetGroups.length);
  for (let i = 0; i < n; i++) {
    const id = String(idCol[i]);
    ids[i] = id;
    flagCount.fill(0);
    strongCount.fill(0);
    missingCount.fill(0);
    for (let j = 0; j < inds.length; j++) {
      const ind = inds[j];
      const v = ind.values[i];
      if (isMissing(v)) {
        missingCount[groupOf[j]]++;
        continue;
      }
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new Error(`${fn}: z-Wert ${JSON.stringify(typeof v === "number" ? String(v) : v)} des Indikators "${ind.id}" (Spalte "${ind.column}") in Gebiet "${id}" ist keine endliche Zahl`);
      }
      const level = assignClass(v, scheme)!.label;
      if (level !== "unauffällig") {
        flagCount[groupOf[j]]++;
        if (level === "stark auffällig") strongCount[groupOf[j]]++;
      }
    }
    for (let k = 0; k < targetGroups.length; k++) {
      if (missingCount[k] === totals[k]) {
        excluded.push({ id, reason: `alle Indikatoren der Zielgruppe ${targetGroups[k]} fehlen`, step: fn });
        continue;
      }
      const verdict = verdictFor({ flags: flagCount[k], strongFlags: strongCount[k] }, rule);
      counts[targetGroups[k]][verdict]++;
      verdictCols[k][i] = VERDICT_CODES.indexOf(verdict);
    }
  }
  const warnings: string[] = [];
  if (excluded.length > 0) warnings.push(`${fn}: ${excluded.length} Paare aus Gebiet und Zielgruppe ohne jeden Wert (siehe excluded)`);
  const verdicts: Record<string, Uint8Array> = {};
  targetGroups.forEach((g, k) => (verdicts[g] = verdictCols[k]));
  const result = { name: fn, n, thresholds, rule, targetGroups, verdicts, counts, excluded, warnings } as Omit<ConspicuousnessResult, "areas">;
  // Rows were read into new columns; other inputs' columns are copied, so a later change cannot alter `areas`.
  const flagged = inds.map(({ id, label, targetGroup, values }) => ({ id, label, targetGroup, values: Array.isArray(data) ? values : Array.from(values) }));
  defineAreas(result, { ids, inds: flagged, scheme, targetGroups, verdicts: verdictCols });
  return result as ConspicuousnessResult;
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || v instanceof Missing || (typeof v === "number" && Number.isNaN(v));
}

/** What `areas` is built from: the ids, the z-values per indicator, the scheme and the verdicts. */
interface AreaSource {
  ids: string[];
  inds: Array<{ id: string; label: string; targetGroup: string; values: ArrayLike<unknown> }>;
  scheme: ClassScheme;
  targetGroups: string[];
  verdicts: Uint8Array[];
}

/**
 * `areas`, built on first access. Defined outside {@link conspicuousness} so that the getter holds only the
 * z-value columns, not the input rows (a closure keeps its scope).
 */
function defineAreas(result: Omit<ConspicuousnessResult, "areas">, src: AreaSource): void {
  let areas: AreaConspicuousness[] | undefined;
  Object.defineProperty(result, "areas", {
    enumerable: true,
    get: () => (areas ??= src.ids.map((_, i) => areaAt(src, i))),
  });
}

/** The flags (strongest z first) and the verdict of every target group in area `i`, with the German reasons. */
function areaAt(src: AreaSource, i: number): AreaConspicuousness {
  const { ids, inds, scheme, targetGroups } = src;
  const id = ids[i];
  const flags: IndicatorFlag[] = [];
  let missingBy: Map<string, string[]> | null = null;
  for (const ind of inds) {
    const v = ind.values[i];
    if (isMissing(v)) {
      missingBy ??= new Map();
      const list = missingBy.get(ind.targetGroup) ?? [];
      list.push(ind.id);
      missingBy.set(ind.targetGroup, list);
      continue;
    }
    const level = assignClass(v as number, scheme)!.label;
    if (level !== "unauffällig") flags.push({ indicator: ind.id, label: ind.label, targetGroup: ind.targetGroup, z: v as number, level: level as IndicatorFlag["level"] });
  }
  flags.sort((a, b) => b.z - a.z);
  const groups = targetGroups.map((g, k): GroupVerdict => {
    const gf = flags.filter((f) => f.targetGroup === g);
    const missing = missingBy?.get(g) ?? [];
    const verdict = VERDICT_CODES[src.verdicts[k][i]];
    if (verdict === null) return { targetGroup: g, verdict: null, flags: 0, strongFlags: 0, indicators: [], missing, reason: "keine Werte" };
    const total = inds.filter((d) => d.targetGroup === g).length;
    let strongFlags = 0;
    for (const f of gf) if (f.level === "stark auffällig") strongFlags++;
    const behind = gf.map((f) => `${f.label} (z = ${formatGermanNumber(f.z, { decimals: 2 })}, ${f.level})`).join(", ");
    // Say which indicators had no value: "unauffällig" with half the indicators missing is a weaker statement.
    const gaps = missing.length > 0 ? `; ohne Wert: ${missing.map((m) => inds.find((d) => d.id === m)!.label).join(", ")}` : "";
    const reason = (gf.length === 0 ? "kein Indikator auffällig" : `${gf.length} von ${total} Indikatoren auffällig: ${behind}`) + gaps;
    return { targetGroup: g, verdict, flags: gf.length, strongFlags, indicators: gf.map((f) => f.indicator), missing, reason };
  });
  return { id, flags, groups };
}
