/**
 * The analysis pipeline without HTML/XLSX (indicators → z-values → flags and verdicts → status and dynamic index
 * → classes → ranking) on 100 000 synthetic areas × 12 indicators, two years. Prints time and peak memory.
 * Run: `node bench/run.mjs pipeline` (after `npm run build`); BENCH_AREAS=10000 for a quick check.
 */
import { DEFAULT_INDICATORS } from "../src/indicators/defaultIndicators.js";
import { analyseTables, resolveAnalysisConfig } from "../src/pipeline/index.js";
import { syntheticStructureRows } from "../test/pipeline/syntheticCity.js";
import { measure, report } from "./measure.js";

const areas = Number(process.env.BENCH_AREAS ?? 100_000);
const cols = 400;
const rows = Math.ceil(areas / cols);
const label = `${(rows * cols).toLocaleString("de-DE")} Gebiete × 12 Indikatoren`;

const { current, previous } = await measure("pipeline: synthetic input", label, () => ({
  current: syntheticStructureRows({ cols, rows, seed: 1, idWidth: 3 }),
  previous: syntheticStructureRows({ cols, rows, seed: 2, shift: 0.1, idWidth: 3 }),
}));
// The core steps only: Durchmischung (permutation tests) and the sensitivity analysis have their own benchmarks
// (mix, lisa); supply and neighbourhood need a map, which these tables do not have.
const config = resolveAnalysisConfig({
  indicators: DEFAULT_INDICATORS.slice(0, 12),
  mix: false,
  sensitivity: false,
  report: { date: "2024-01-01" },
});

const steps: Array<{ message: string; t: number }> = [];
const result = await measure("pipeline", label, () =>
  analyseTables({ gebiete: null, current, previous }, config, { onProgress: (p) => steps.push({ message: p.message, t: performance.now() }) }),
);
const end = performance.now();
steps.forEach((s, i) => {
  const next = i + 1 < steps.length ? steps[i + 1].t : end;
  report({ name: "pipeline step", case: s.message, seconds: (next - s.t) / 1000, note: label });
});
const ranked = result.ranking.filter((r) => r.rang !== null).length;
console.log(`${result.areas.length} areas, ${ranked} ranked, ${result.excluded.length} exclusions`);
