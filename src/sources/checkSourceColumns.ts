import type { IndicatorDefinition, IndicatorDirection, IndicatorUnit } from "../indicators/indicatorDefinition.js";
import type { TargetGroup } from "../indicators/targetGroups.js";
import type { AssembledYears } from "./assembleYears.js";
import { quoted, type SourceProblem } from "./sourceProblem.js";
import type { SourcesConfig } from "./sourcesConfig.js";
import { listNames, meintenSie } from "./suggest.js";

/** A share indicator after checking: every default filled in. */
export interface ResolvedShareIndicator {
  id: string;
  label: string;
  targetGroup: TargetGroup;
  column: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  base: string | null;
  minimumBase: number;
  source: string;
  /** Always false: a published share has no counts, so no confidence interval can be given. */
  hasCounts: false;
}

/** A published change after checking. */
export interface ResolvedChangeIndicator {
  id: string;
  label: string;
  column: string;
  unit: string;
  direction: IndicatorDirection;
}

/** Column names that look like shares, rates or changes (German and English). */
const SHARE_LIKE = /anteil|quote|prozent|%|rate|percentage|share|veränderung|dichte|je\s|pro\s|durchschnitt/i;

/**
 * Checks the columns that later steps rely on (internal to `loadSources`): the population column and the columns
 * of count indicators exist and hold counts (non-negative whole numbers; a non-integer is an error naming area,
 * column and value; a column declared share or change is never a count); share and change columns exist.
 */
export function checkSourceColumns(
  config: SourcesConfig,
  s: AssembledYears,
  indicators: readonly IndicatorDefinition[],
  problems: SourceProblem[],
  warnings: string[],
): { shares: ResolvedShareIndicator[]; changes: ResolvedChangeIndicator[] } {
  const columns = [...s.columnTable.keys()];
  const exists = (c: string, path: string, what: string) => {
    if (s.columnTable.has(c)) return true;
    problems.push({ path, column: c, message: `${what}: Spalte nicht gefunden (vorhanden: ${listNames(columns)})${meintenSie(c, columns)}` });
    return false;
  };
  const counts = new Map<string, string>();
  const pop = config.areas?.population;
  if (pop !== undefined && exists(pop, "sources.areas.population", "Einwohnerspalte")) counts.set(pop, "Einwohnerspalte");
  indicators.forEach((d, i) => {
    for (const side of ["numerator", "denominator"] as const) {
      for (const c of typeof d[side] === "string" ? [d[side] as string] : [...d[side]]) {
        if (exists(c, `indicators[${i}].${side}`, `Indikator ${JSON.stringify(d.id)}`) && !counts.has(c)) counts.set(c, `Indikator ${JSON.stringify(d.id)}`);
      }
    }
  });
  for (const [c, user] of counts) countColumn(c, user, s, problems, warnings);

  const shares = (config.shares ?? []).map((d, i): ResolvedShareIndicator => {
    if (exists(d.column, `sources.shares[${i}].column`, `Anteil ${JSON.stringify(d.id)}`)) shareColumn(d.column, d.unit ?? "%", s, warnings);
    if (d.base !== undefined && exists(d.base, `sources.shares[${i}].base`, `Bezugsbevölkerung von ${JSON.stringify(d.id)}`) && !counts.has(d.base)) countColumn(d.base, `Bezugsbevölkerung von ${JSON.stringify(d.id)}`, s, problems, warnings);
    return { id: d.id, label: d.label, targetGroup: d.targetGroup, column: d.column, unit: d.unit ?? "%", direction: d.direction ?? 1, base: d.base ?? null, minimumBase: d.minimumBase ?? 0, source: d.source ?? "", hasCounts: false };
  });
  if (shares.length) warnings.push(`${shares.length} Indikator(en) als veröffentlichte Anteile (${shares.map((d) => d.id).join(", ")}): ohne Anzahlen keine Konfidenzintervalle und keine Glättung`);
  const changes = (config.changes ?? []).map((d, i): ResolvedChangeIndicator => {
    if (exists(d.column, `sources.changes[${i}].column`, `Veränderung ${JSON.stringify(d.id)}`) && s.kinds[d.column] !== "text") s.kinds[d.column] = "change";
    return { id: d.id, label: d.label, column: d.column, unit: d.unit ?? "Prozentpunkte", direction: d.direction ?? 1 };
  });
  return { shares, changes };
}

/** A column used as a count: declared share/change is an error; every value a non-negative whole number. */
function countColumn(c: string, user: string, s: AssembledYears, problems: SourceProblem[], warnings: string[]): void {
  const kind = s.kinds[c];
  const t = s.columnTable.get(c);
  if (kind === "share" || kind === "change") {
    problems.push({ file: t?.file, column: c, message: `${user} braucht Anzahlen, die Spalte ist aber als ${kind === "share" ? "Anteil" : "Veränderung"} deklariert – als Anteil-Indikator unter "shares" angeben` });
    return;
  }
  if (kind === "text") {
    problems.push({ file: t?.file, column: c, message: `${user} braucht Anzahlen, die Spalte enthält Text` });
    return;
  }
  const original = t?.origin[c] ?? c;
  if (kind !== "count" && (SHARE_LIKE.test(original) || SHARE_LIKE.test(c))) {
    warnings.push(`Spalte ${JSON.stringify(c)} (${t?.file}) heißt wie ein Anteil, wird aber von ${user} als Anzahl verwendet – prüfen (Anteile unter "shares" angeben)`);
  }
  s.kinds[c] = "count";
  for (const [year, table] of s.years) {
    for (const r of table.rows) {
      const v = r[c];
      if (typeof v !== "number") continue;
      const key = String(r.sozialraum_id);
      if (v < 0 || !Number.isInteger(v)) {
        const o = s.origin(year, key, c);
        problems.push({ file: o?.file, row: o?.row, column: o?.column ?? c, key, value: v, message: `${user}: Anzahl ${quoted(v)} ist ${v < 0 ? "negativ" : "keine ganze Zahl (ein Anteil? dann unter \"shares\" angeben)"}` });
      }
    }
  }
}

/** A share column: kind "share"; values outside 0…100 (%) or 0…1000 (‰) give a warning listing them. */
function shareColumn(c: string, unit: IndicatorUnit, s: AssembledYears, warnings: string[]): void {
  if (s.kinds[c] !== "text") s.kinds[c] = "share";
  const max = unit === "%" ? 100 : 1000;
  const outside: string[] = [];
  for (const [, table] of s.years) for (const r of table.rows) if (typeof r[c] === "number" && ((r[c] as number) < 0 || (r[c] as number) > max)) outside.push(`${r.sozialraum_id}: ${r[c]}`);
  if (outside.length) warnings.push(`Anteil ${JSON.stringify(c)}: ${outside.length} Werte außerhalb 0–${max} ${unit}: ${outside.slice(0, 5).join(", ")}${outside.length > 5 ? ", …" : ""}`);
}
