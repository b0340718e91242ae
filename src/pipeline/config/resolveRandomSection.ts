import type { AnalysisConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { ConfigChecks } from "./configChecks.js";

/** Upper bound of `permutations`: more gives no useful precision and takes hours on large cities. */
export const MAX_PERMUTATIONS = 99_999;

/** `seed` (the range of `createRng`: 32-bit signed whole numbers) and `permutations` of every permutation test. */
export function resolveRandomSection(config: Pick<AnalysisConfig, "seed" | "permutations">, checks: ConfigChecks): Pick<ResolvedAnalysisConfig, "seed" | "permutations"> {
  const d = DEFAULT_ANALYSIS_CONFIG;
  const seed = checks.num("seed", config.seed, d.seed, (x) => Number.isInteger(x) && x >= -2147483648 && x <= 2147483647, "eine ganze Zahl von -2147483648 bis 2147483647");
  // At least 1: the permutation tests of Durchmischung need one (Moran's I would accept 0).
  const permutations = checks.num(
    "permutations",
    config.permutations,
    d.permutations,
    (x) => Number.isInteger(x) && x >= 1 && x <= MAX_PERMUTATIONS,
    `eine ganze Zahl von 1 bis ${MAX_PERMUTATIONS} (mehr bringt keine nützliche Genauigkeit)`,
  );
  return { seed, permutations };
}
