import type { AnalysisConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { SOURCES_ID } from "../../sources/loadSources.js";
import { formatSourceProblem } from "../../sources/sourceProblem.js";
import type { SourcesConfig } from "../../sources/sourcesConfig.js";
import { validateSourcesConfig } from "../../sources/validateSourcesConfig.js";
import type { ConfigChecks } from "./configChecks.js";

/**
 * The `sources` block (a city's own tables; null: the `data` conventions) with the folder its relative paths are
 * relative to. With it the key column is "sozialraum_id": another `id` is a problem.
 */
export function resolveSourcesSection(config: Pick<AnalysisConfig, "sources" | "id">, baseDir: string, checks: ConfigChecks): ResolvedAnalysisConfig["sources"] {
  if (config.sources === undefined) return null;
  for (const p of validateSourcesConfig(config.sources)) checks.problems.push(formatSourceProblem(p));
  if (config.id !== undefined && config.id !== SOURCES_ID) {
    checks.problems.push(`"id" muss "${SOURCES_ID}" sein, wenn "sources" angegeben ist (die Schlüsselspalte der Tabellen aus "sources"), angegeben: ${JSON.stringify(config.id)}`);
  }
  return { config: config.sources as SourcesConfig, baseDir };
}
