/**
 * LISA and contiguity benchmark.
 * - Local Moran's I with 999 conditional permutations on a 100 × 100 grid (rook, row-standardised), side by side
 *   with R spdep `localmoran_perm` on the same values and weights (Rscript bench/lisa_spdep.R, timed inside R
 *   around the call only, and as wall time of the whole Rscript process); the speed-up must be ≥ 10×.
 * - The same on 316 × 316 (99 856 areas); R only with LISA_BENCH_R_LARGE=1 (about twenty times the 100 × 100 time).
 * - Queen and rook contiguity of a 316 × 316 grid GeoJSON (99 856 polygons).
 * Run: node bench/run.mjs lisa   (writes bench/results/lisa.md too)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createRng } from "../src/inference/random.js";
import { contiguityWeights, localMoran, rowStandardize, writeGal, type SpatialWeights } from "../src/spatial/index.js";
import { report } from "./measure.js";

const here = dirname(fileURLToPath(import.meta.url));
const tmp = join(here, "results", "tmp", "lisa");
mkdirSync(tmp, { recursive: true });
const lines: string[] = [];

function gridGeoJson(size: number) {
  const features = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      features.push({
        type: "Feature",
        properties: { id: `${r}_${c}` },
        geometry: { type: "Polygon", coordinates: [[[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1], [c, r]]] },
      });
    }
  }
  return { type: "FeatureCollection", features };
}

/** A seeded, spatially smooth pattern plus noise (so that there are real clusters to find). */
function pattern(size: number): number[] {
  const rng = createRng(2024);
  const out: number[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) out.push(Math.sin(r / 9) + Math.cos(c / 13) + 0.8 * (rng.next() - 0.5));
  }
  return out;
}

/** Wall and CPU seconds of this process (CPU time is less disturbed by other jobs on a shared machine). */
function time<T>(fn: () => T): { out: T; seconds: number; cpuSeconds: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const c = process.cpuUsage(c0);
  return { out, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6 };
}

function lisaCase(size: number, withR: boolean) {
  const label = `${size} × ${size} rook, 999 permutations`;
  const geo = gridGeoJson(size);
  const w: SpatialWeights = rowStandardize(contiguityWeights(geo, { kind: "rook", idProperty: "id" }));
  const values = pattern(size);
  const runs: Array<{ sampling: "independent" | "pooled"; seconds: number; cpuSeconds: number; Ii: number[] }> = [];
  for (const sampling of ["independent", "pooled"] as const) {
    localMoran(values, w, { permutations: 99, seed: 2, sampling }); // warm-up: let the JIT compile the loops first
    // Best of 3 (R takes the best of 3 as well): the machine is shared, the minimum is the least disturbed run.
    let js = time(() => localMoran(values, w, { permutations: 999, seed: 1, sampling }));
    for (let rep = 1; rep < 3; rep++) {
      const again = time(() => localMoran(values, w, { permutations: 999, seed: 1, sampling }));
      js = { out: again.out, seconds: Math.min(js.seconds, again.seconds), cpuSeconds: Math.min(js.cpuSeconds, again.cpuSeconds) };
    }
    const clusters = js.out.filter((a) => a.significant).length;
    report({ name: "lisa", case: `${label}: sozialraum localMoran (${sampling})`, seconds: js.seconds, cpuSeconds: js.cpuSeconds, note: `${clusters} significant at 0.05` });
    lines.push(`| ${label} | sozialraum \`localMoran\`, sampling "${sampling}" | ${js.seconds.toFixed(3)} | ${js.cpuSeconds.toFixed(3)} | | ${clusters} areas significant at 0.05 (best of 3 after a warm-up run) |`);
    runs.push({ sampling, seconds: js.seconds, cpuSeconds: js.cpuSeconds, Ii: js.out.map((a) => a.Ii) });
  }
  if (!withR) {
    lines.push(`| ${label} | R spdep \`localmoran_perm\` | not run | | | too slow for a routine run; set LISA_BENCH_R_LARGE=1 (one run here, block-sampling version of 25 Nov: 76.8 s inside R, 214.8 s wall, vs 4.5 s sozialraum "independent": 17×) |`);
    return;
  }
  writeFileSync(join(tmp, "values.txt"), values.map((v) => v.toPrecision(17)).join("\n") + "\n");
  writeFileSync(join(tmp, "weights.gal"), writeGal(w));
  const wall = time(() => spawnSync("Rscript", [join(here, "lisa_spdep.R"), tmp, "999"], { encoding: "utf8" }));
  const r = wall.out;
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("RESULT "));
  if (r.status !== 0 || !line) {
    console.log(`R spdep run failed (status ${r.status}): ${r.stderr}`);
    lines.push(`| ${label} | R spdep \`localmoran_perm\` | failed | | | ${String(r.stderr).split("\n")[0]} |`);
    return;
  }
  const rr = JSON.parse(line.slice(7));
  const rIi = readFileSync(join(tmp, "spdep_Ii.txt"), "utf8").trim().split("\n").map(Number);
  let maxDiff = 0;
  runs[0].Ii.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - rIi[i]))));
  report({ name: "lisa", case: `${label}: R spdep ${rr.spdep} localmoran_perm (inside R)`, seconds: rr.seconds, cpuSeconds: rr.cpuSeconds, note: `max |ΔI_i| = ${maxDiff.toExponential(1)}` });
  report({ name: "lisa", case: `${label}: R spdep (wall of Rscript with 3 runs, incl. start)`, seconds: wall.seconds });
  lines.push(`| ${label} | R spdep ${rr.spdep} \`localmoran_perm\` (R ${rr.R}), inside R | ${rr.seconds.toFixed(3)} | ${rr.cpuSeconds.toFixed(3)} | ${wall.seconds.toFixed(3)} | same I_i (max difference ${maxDiff.toExponential(1)}) |`);
  for (const run of runs) {
    const inside = rr.seconds / run.seconds;
    const cpu = rr.cpuSeconds / run.cpuSeconds;
    const whole = (wall.seconds - 2 * rr.seconds) / run.seconds; // Rscript start + one run (the process ran 3)
    report({ name: "lisa", case: `${label}: speed-up (${run.sampling})`, seconds: run.seconds, speedupInsideR: inside, speedupCpu: cpu, speedupWall: whole, note: `${inside.toFixed(1)}× (inside R), ${cpu.toFixed(1)}× (CPU), ${whole.toFixed(1)}× (wall)` });
    lines.push(`| ${label} | **speed-up, "${run.sampling}"** (R / sozialraum) | **${inside.toFixed(1)}×** | **${cpu.toFixed(1)}×** | **${whole.toFixed(1)}×** | inside R; CPU; Rscript start + one run |`);
  }
}

function contiguityCase(size: number) {
  const build = time(() => JSON.stringify(gridGeoJson(size)));
  const parsed = time(() => JSON.parse(build.out));
  const n = size * size;
  for (const kind of ["queen", "rook"] as const) {
    const t = time(() => contiguityWeights(parsed.out, { kind, idProperty: "id" }));
    report({ name: "contiguity", case: `${size} × ${size} grid (${n} polygons), ${kind}`, seconds: t.seconds, note: `${t.out.indices.length} links` });
    lines.push(`| ${size} × ${size} grid GeoJSON (${n} polygons) | \`contiguityWeights\` ${kind} | ${t.seconds.toFixed(3)} | ${t.cpuSeconds.toFixed(3)} | | ${t.out.indices.length} links (JSON.parse of the ${(build.out.length / 2 ** 20).toFixed(0)} MiB text: ${parsed.seconds.toFixed(2)} s) |`);
  }
}

lisaCase(100, true);
lisaCase(316, process.env.LISA_BENCH_R_LARGE === "1");
contiguityCase(316);

const machine = `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (shared machine)`;
const md = [
  "# LISA and contiguity benchmark",
  "",
  "Written by `bench/lisa.bench.ts` (`node bench/run.mjs lisa`). Values: a seeded smooth pattern plus noise; weights:",
  "rook contiguity of the grid, row-standardised (spdep style \"W\"). Both sides run 999 conditional permutations per",
  "area; sozialraum draws neighbours without replacement (esda's rule), spdep 1.2.7 `localmoran_perm` samples with",
  "replacement. sozialraum's default sampling \"independent\" draws afresh for every area and permutation; \"pooled\"",
  "gives every area R distinct rows of one pool of random neighbour sets (see `localMoran`). R time is measured",
  "inside R around `localmoran_perm` only (`system.time`: elapsed and CPU, best of 3 runs), and as the wall time",
  "of the whole `Rscript` process (3 runs; the speed-up uses start-up + one run = wall − 2 × best run).",
  "sozialraum: best of 3 after a warm-up.",
  "CPU seconds are the fairer comparison on this shared machine (other jobs inflate elapsed time).",
  "",
  `Machine: ${machine}.`,
  "",
  "| case | implementation | seconds | CPU seconds | wall seconds (whole Rscript, 3 runs) | note |",
  "|---|---|---:|---:|---:|---|",
  ...lines,
  "",
];
writeFileSync(join(here, "results", "lisa.md"), md.join("\n"));
