import { formatGermanNumber } from "../../io/formatGermanNumber.js";
import { sozialraumTypes, type SozialraumTypesResult } from "../../typology/sozialraumTypes.js";
import { withContext, type AnalysisContext } from "./context.js";
import type { IndicatorsPart } from "./indicatorsStep.js";
import type { StandardizePart } from "./standardizeStep.js";

/** Most areas the Sozialraumtypen step clusters (10 000 areas: a distance matrix of 400 MB). */
export const MAX_TYPE_AREAS = 10_000;

/**
 * Step "Sozialraumtypen bilden": `sozialraumTypes` on the direction-adjusted z-values of the analysis year (every
 * indicator of the catalogue, context indicators included, labelled with the German indicator labels), with the
 * options of `config.types` and the analysis seed. Only usable values enter (an area below the minimum population
 * or with a withheld count has none); areas left out are listed in `ctx.excluded` with the reason of the
 * indicator step where there is one. null when switched off.
 */
export function typesStep(ctx: AnalysisContext, ind: IndicatorsPart, std: StandardizePart): SozialraumTypesResult | null {
  const options = ctx.config.types;
  if (options === null) return null;
  ctx.progress(`Sozialraumtypen ${ctx.cur} bilden`);
  const { id } = ctx;
  const indicators = ind.current.indicators;
  const columns = indicators.map((d) => d.id);
  const labels = Object.fromEntries(indicators.map((d) => [d.id, d.label]));
  const reasons = new Map<string, string>();
  const rows: Record<string, number | string | null>[] = ind.current.areas.map((area, i) => {
    const row: Record<string, number | string | null> = { [id]: area.id };
    for (const c of columns) {
      const v = area.values[c];
      const z = std.zRows[i][c];
      const ok = v !== undefined && v.usable && typeof z === "number" && Number.isFinite(z);
      row[c] = ok ? z : null;
      if (!ok && !reasons.has(area.id) && v?.reason) reasons.set(area.id, v.reason.startsWith(labels[c]) ? v.reason : `${labels[c]}: ${v.reason}`);
    }
    return row;
  });
  // An indicator without any usable value (e.g. its column is not in the data) would leave out every area.
  const used = columns.filter((c) => rows.some((r) => r[c] !== null));
  const unused = columns.filter((c) => !used.includes(c));
  if (unused.length > 0) ctx.warnings.push(`Sozialraumtypen: ohne Werte und daher nicht berücksichtigt: ${unused.map((c) => labels[c]).join(", ")}`);
  const complete = rows.filter((r) => used.every((c) => r[c] !== null)).length;
  const [kMin, kMax] = options.kRange;
  // Silhouettes need at least one area more than types; a small city gets fewer types tried.
  const kTop = Math.min(kMax, complete - 1);
  if (used.length < 2 || kTop < kMin) {
    ctx.warnings.push(`Sozialraumtypen: zu wenige vollständige Sozialräume (${complete}) oder Indikatoren (${used.length}) für ${kMin} Typen; Abschnitt entfällt`);
    return null;
  }
  // Ward clustering keeps the full distance matrix (n² numbers): beyond this many areas it would need gigabytes.
  if (complete > MAX_TYPE_AREAS) {
    ctx.warnings.push(
      `Sozialraumtypen: ${formatGermanNumber(complete, { maxDecimals: 3 })} vollständige Sozialräume sind mehr als ${formatGermanNumber(MAX_TYPE_AREAS, { maxDecimals: 3 })} (das Ward-Verfahren braucht eine Distanzmatrix mit n² Werten); Abschnitt entfällt`,
    );
    return null;
  }
  if (kTop < kMax) ctx.warnings.push(`Sozialraumtypen: nur ${complete} vollständige Sozialräume; Zahl der Typen bis ${kTop} statt ${kMax}`);
  const result = withContext("Sozialraumtypen", () =>
    sozialraumTypes(rows, {
      id,
      columns: used,
      labels,
      explainedShare: options.explainedShare,
      kRange: [kMin, kTop],
      resamples: options.resamples,
      seed: options.seed,
    }),
  );
  const excluded = result.excluded.map((e) => ({
    ...e,
    reason: `${ctx.yearPrefix(ctx.cur)}Sozialraumtypen: ${reasons.get(e.id) ?? e.reason}`,
  }));
  ctx.excluded.push(...excluded);
  return { ...result, excluded };
}
