/**
 * The analysis pipeline without HTML/XLSX (indicators → z-values → flags and verdicts → status and dynamic index
 * → classes → ranking) on 100 000 synthetic areas × 12 indicators, two years. Prints time, CPU time and peak
 * memory, each against its reference in the same run: the target (project issue "Speed", item 5: at most 2.5 s and
 * 800 MiB) and the figures before the columnar rewrite (4.9 s, 1440 MiB peak RSS, quiet machine).
 * Run: `node bench/run.mjs pipeline` (after `npm run build`); BENCH_AREAS=10000 for a quick check.
 */
import { DEFAULT_INDICATORS } from "../src/indicators/defaultIndicators.js";
import { analyseTables, resolveAnalysisConfig } from "../src/pipeline/index.js";
import { syntheticStructureRows } from "../test/pipeline/syntheticCity.js";
import { measure, peakRssMiB, report } from "./measure.js";

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
  types: false,
  report: { date: "2024-01-01" },
});

/** Target and earlier figures (100 000 areas, quiet machine) that each result is reported against. */
const TARGET = { seconds: 2.5, peakRssMiB: 800 };
const BEFORE = { seconds: 4.9, peakRssMiB: 1440 };
const BEFORE_STEPS: Record<string, number> = {
  "Indikatoren 2018 berechnen": 0.82,
  "Indikatoren 2016 berechnen": 0.68,
  "Indikatoren standardisieren (z-Werte)": 0.3,
  "Auffälligkeiten je Zielgruppe bestimmen": 0.25,
  "Status-Index berechnen": 0.27,
  "Veränderungen 2016–2018 berechnen": 0.31,
  "Dynamik-Index berechnen": 0.22,
  "Klassen und Rangfolge bestimmen": 0.2,
  "Bedarfsindex je Zielgruppe berechnen": 1.9,
};
const full = areas >= 100_000;

const steps: Array<{ message: string; t: number }> = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await measure("pipeline", label, () =>
  analyseTables({ gebiete: null, current, previous }, config, { onProgress: (p) => steps.push({ message: p.message, t: performance.now() }) }),
);
const end = performance.now();
const cpu = process.cpuUsage(cpu0);
const seconds = (end - t0) / 1000;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peak = peakRssMiB();
const verdict = (x: number, limit: number) => (x <= limit ? "erreicht" : "nicht erreicht");
report({
  name: "pipeline vs. reference",
  case: label,
  seconds,
  peakRssMiB: peak,
  cpuSeconds,
  target: TARGET,
  before: BEFORE,
  note: full
    ? `Ziel ≤ ${TARGET.seconds} s: ${verdict(seconds, TARGET.seconds)} (${seconds.toFixed(2)} s, CPU ${cpuSeconds.toFixed(2)} s); ` +
      `Ziel ≤ ${TARGET.peakRssMiB} MiB: ${verdict(peak, TARGET.peakRssMiB)} (${peak} MiB); vorher ${BEFORE.seconds} s, ${BEFORE.peakRssMiB} MiB`
    : `nur ${areas} Gebiete: Referenz gilt für 100 000 (Ziel ${TARGET.seconds} s / ${TARGET.peakRssMiB} MiB, vorher ${BEFORE.seconds} s / ${BEFORE.peakRssMiB} MiB); CPU ${cpuSeconds.toFixed(2)} s`,
});
steps.forEach((s, i) => {
  const next = i + 1 < steps.length ? steps[i + 1].t : end;
  const before = full ? BEFORE_STEPS[s.message] : undefined;
  // The last step's time runs to the end of analyseTables, so it includes the provenance (hash of the input tables).
  const last = i + 1 === steps.length ? "bis Ende von analyseTables (mit Herkunft); " : "";
  report({ name: "pipeline step", case: s.message, seconds: (next - s.t) / 1000, before, note: `${last}${before !== undefined ? `vorher ${before} s; ` : ""}${label}` });
});
const ranked = result.ranking.filter((r) => r.rang !== null).length;
console.log(`${result.areas.length} areas, ${ranked} ranked, ${result.excluded.length} exclusions`);
