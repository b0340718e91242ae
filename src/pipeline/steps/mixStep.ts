import { mixAnalysis, type MixAnalysis } from "../../mix/mixAnalysis.js";
import type { Cell } from "../../table/missing.js";
import { withContext, type AnalysisContext } from "./context.js";

/**
 * Step "Durchmischung messen": `mixAnalysis` on the structural data of the analysis year (and the comparison
 * year for the change of D), with the configured groups and composition, seed and permutations. Default
 * columns missing from the data are left out with a warning; configured ones must exist.
 */
export function mixStep(
  ctx: AnalysisContext,
  rows: Record<string, Cell>[],
  previousRows: Record<string, Cell>[] | null,
  names: Record<string, string>,
): MixAnalysis | null {
  const { config, cur, prev, warnings, id } = ctx;
  if (config.mix === null) return null;
  ctx.progress("Durchmischung messen");
  const mc = config.mix;
  const total = ctx.tables.population ?? "einwohner";
  const present = (col: string) => rows.length > 0 && rows.every((r) => col in r) && (previousRows ?? []).every((r) => col in r);
  const groups = { ...mc.groups };
  for (const col of Object.keys(groups)) {
    if (present(col)) continue;
    if (!mc.defaultGroups) throw new Error(`analyseTables: Durchmischung: Spalte "${col}" aus "mix.groups" fehlt in den Strukturdaten`);
    warnings.push(`Durchmischung: Spalte "${col}" fehlt in den Strukturdaten; die Gruppe ${groups[col]} entfällt`);
    delete groups[col];
  }
  let composition = mc.composition;
  const absent = composition ? Object.keys(composition).filter((c) => !present(c)) : [];
  if (composition && absent.length > 0) {
    if (!mc.defaultComposition) throw new Error(`analyseTables: Durchmischung: Spalte "${absent[0]}" aus "mix.composition" fehlt in den Strukturdaten`);
    warnings.push(`Durchmischung: Spalten ${absent.join(", ")} fehlen in den Strukturdaten; die Durchmischung der Altersgruppen entfällt`);
    composition = null;
  }
  if (Object.keys(groups).length === 0 || !present(total)) {
    warnings.push(`Durchmischung: keine verwendbaren Spalten (Gruppen und ${total}); der Abschnitt entfällt`);
    return null;
  }
  const withNames = (rs: Record<string, Cell>[]) => rs.map((r) => ({ ...r, __name: names[String(r[id])] ?? String(r[id]) }));
  return withContext("Durchmischung", () =>
    mixAnalysis(withNames(rows), {
      id,
      total,
      groups,
      ...(composition ? { composition, compositionLabel: "Altersgruppen" } : {}),
      ...(previousRows && prev !== null ? { previous: withNames(previousRows), years: [String(prev), String(cur)] as [string, string] } : {}),
      name: "__name",
      permutations: config.permutations,
      seed: config.seed,
      missing: "exclude",
    }),
  );
}
