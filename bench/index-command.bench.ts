/**
 * `sozialraum index` versus pandas doing the same work (read CSV, keep valid rows, standardise 6 indicators, sum,
 * standardise again, classify, write CSV) on one seeded table of 1 000 000 areas × 6 indicators, written twice:
 * - plain: "," between fields, decimal point, UTF-8, LF;
 * - German, as municipal offices publish: ";" between fields, decimal comma, thousands dots ("3.012,34567";
 *   column S6 and the unused column EW), UTF-8 with byte-order mark, CRLF, quoted keys. pandas reads it with
 *   sep=";", decimal=",", thousands=".".
 *
 * All runs are child processes under /usr/bin/time (peak RSS and CPU time of the child); wall time is measured
 * here. Per format the two tools alternate BENCH_INDEX_REPEATS times (default 3) and the best run of each is
 * reported, because the machine is shared (load from other processes only ever adds time). Checked: our output is
 * byte-identical for both formats, and equals pandas' (same ids and classes, |Δ| ≤ 1e-9). The CLI runs from dist
 * (run `npm run build` first; `npm run bench` does). Rows: BENCH_INDEX_ROWS (default 1e6).
 * Results: bench/results/index-command.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createRng } from "../src/inference/random.js";
import { report } from "./measure.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const rows = Number(process.env.BENCH_INDEX_ROWS ?? 1_000_000);
const repeats = Number(process.env.BENCH_INDEX_REPEATS ?? 3);
const indicators = ["S1", "S2", "S3", "S4", "S5", "S6"];

/**
 * Seeded table: id (8 digits, leading zeros), KOM (0.5 % "ungültig"), six shares in % with 5 decimals (S6 a
 * count-like scale, so that German thousands dots occur in a used column), EW (inhabitants, not used).
 * Writes the plain and the German file from the same values.
 */
function generate(plainFile: string, germanFile: string): void {
  const rng = createRng(20211231);
  const header = ["PLR_ID", "KOM", ...indicators, "EW"];
  const plain: string[] = [header.join(",")];
  const german: string[] = [header.join(";")];
  const means = [5, 9, 11, 24, 14, 3000];
  const thousands = (whole: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  for (let i = 0; i < rows; i++) {
    const id = String(i + 1).padStart(8, "0");
    const kom = rng.next() < 0.005 ? "ungültig" : "gültig";
    // A common area factor makes the indicators correlate, as real deprivation shares do.
    const f = -Math.log(1 - rng.next());
    let p = `${id},${kom}`;
    let g = `"${id}";${kom}`;
    for (let j = 0; j < indicators.length; j++) {
      const v = (means[j] * (0.5 * f + 0.5 * -Math.log(1 - rng.next()))).toFixed(5);
      const [whole, frac] = v.split(".");
      p += "," + v;
      g += ";" + thousands(whole) + "," + frac;
    }
    const ew = String(300 + Math.floor(rng.next() * 20000));
    plain.push(`${p},${ew}`);
    german.push(`${g};${thousands(ew)}`);
  }
  writeFileSync(plainFile, plain.join("\n") + "\n");
  writeFileSync(germanFile, "\uFEFF" + german.join("\r\n") + "\r\n");
}

interface Timing {
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
}

/** Runs a command under /usr/bin/time; returns wall seconds, CPU seconds (user + sys) and peak RSS in MiB. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timing {
  const timeFile = join(dir, "time.txt");
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", "-o", timeFile, cmd, ...args], { env, encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  const [kib, user, sys] = readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { seconds, cpuSeconds: user + sys, peakMiB: Math.round(kib / 1024) };
}

function best(runs: Timing[]): Timing & { all: string } {
  const b = runs.reduce((m, r) => (r.seconds < m.seconds ? r : m));
  return { ...b, all: runs.map((r) => r.seconds.toFixed(2)).join(", ") };
}

function readOut(file: string): { ids: string[]; sum: Float64Array; index: Float64Array; cls: string[] } {
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  if (lines[0] !== "id,sum,index,class") throw new Error(`${file}: unexpected header ${lines[0]}`);
  const n = lines.length - 1;
  const out = { ids: new Array<string>(n), sum: new Float64Array(n), index: new Float64Array(n), cls: new Array<string>(n) };
  for (let i = 0; i < n; i++) {
    const [id, s, x, c] = lines[i + 1].split(",");
    out.ids[i] = id;
    out.sum[i] = Number(s);
    out.index[i] = Number(x);
    out.cls[i] = c;
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "sozialraum-index-bench-"));
try {
  const inputs = { plain: join(dir, "areas.csv"), german: join(dir, "areas_de.csv") };
  const t0 = performance.now();
  generate(inputs.plain, inputs.german);
  console.log(`generated ${rows} × ${indicators.length} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${inputs.plain}, ${inputs.german}`);

  const cli = join(root, "dist", "cli", "main.js");
  if (!existsSync(cli)) throw new Error("dist/cli/main.js missing: run npm run build first");
  // The CLI from dist: `sozialraum index` once it is wired into commands.ts, else the same command registered by
  // a two-line ESM runner on dist/cli/index-command.js.
  const help = spawnSync(process.execPath, [cli, "index", "--help"], { encoding: "utf8" });
  const runner = `import { Command } from "commander"; import { registerIndexCommand } from ${JSON.stringify(join(root, "dist", "cli", "index-command.js"))}; const p = new Command("sozialraum"); registerIndexCommand(p); await p.parseAsync(process.argv.slice(1), { from: "user" });`;
  const pyEnv = { ...process.env };
  delete pyEnv.OPENBLAS_CORETYPE;
  delete pyEnv.OPENBLAS_L2_SIZE;
  const label = `${rows.toLocaleString("en")} × ${indicators.length}`;
  const outputs: Record<string, string> = {};
  for (const format of ["plain", "german"] as const) {
    const input = inputs[format];
    const cliArgs = ["index", input, "--id", "PLR_ID", "--indicators", indicators.join(","), "--valid", "KOM=gültig", "--scheme", "berlin-mss-status"];
    const nodeOut = join(dir, `node-${format}.csv`);
    const nodeCmd =
      help.status === 0 && help.stdout.includes("--indicators")
        ? [cli, ...cliArgs, "--out", nodeOut]
        : ["--input-type=module", "-e", runner, "--", ...cliArgs, "--out", nodeOut];
    const pyOut = join(dir, `pandas-${format}.csv`);
    const pyArgs = [join(root, "bench", "pandas_index.py"), input, pyOut, "PLR_ID", indicators.join(","), "KOM", "gültig", ...(format === "german" ? ["german"] : [])];
    const nodeRuns: Timing[] = [];
    const pyRuns: Timing[] = [];
    for (let k = 0; k < repeats; k++) {
      nodeRuns.push(timed(process.execPath, nodeCmd));
      pyRuns.push(timed("/usr/bin/python3", pyArgs, pyEnv));
    }
    const node = best(nodeRuns);
    const py = best(pyRuns);
    outputs[format] = readFileSync(nodeOut, "utf8");
    const agree = compare(nodeOut, pyOut);
    const runs = (t: { all: string; cpuSeconds: number }) => `best of ${repeats} (${t.all} s), CPU ${t.cpuSeconds.toFixed(2)} s`;
    const what = format === "plain" ? "plain CSV (\",\", decimal point)" : "German CSV (\";\", decimal comma, thousands dots, BOM, CRLF)";
    report({ name: "index-command", case: `sozialraum index ${label}, ${what}`, seconds: node.seconds, cpuSeconds: node.cpuSeconds, peakRssMiB: node.peakMiB, note: `${runs(node)}; ${agree}` });
    report({
      name: "index-command",
      case: `pandas ${label}, ${what}`,
      seconds: py.seconds,
      cpuSeconds: py.cpuSeconds,
      peakRssMiB: py.peakMiB,
      note: `${runs(py)}; sozialraum/pandas: wall ${(node.seconds / py.seconds).toFixed(2)}×, CPU ${(node.cpuSeconds / py.cpuSeconds).toFixed(2)}×`,
    });
  }
  if (outputs.plain !== outputs.german) throw new Error("sozialraum index: the output differs between the plain and the German file");
  console.log("sozialraum index: output byte-identical for the plain and the German file");
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Same areas, same classes, same numbers (within 1e-9) in our output and pandas'. */
function compare(nodeOut: string, pyOut: string): string {
  const a = readOut(nodeOut);
  const b = readOut(pyOut);
  if (a.ids.length !== b.ids.length) throw new Error(`row count differs: sozialraum ${a.ids.length}, pandas ${b.ids.length}`);
  let maxSum = 0;
  let maxIndex = 0;
  let classDiff = 0;
  for (let i = 0; i < a.ids.length; i++) {
    if (a.ids[i] !== b.ids[i]) throw new Error(`row ${i + 1}: id ${a.ids[i]} vs ${b.ids[i]}`);
    maxSum = Math.max(maxSum, Math.abs(a.sum[i] - b.sum[i]));
    maxIndex = Math.max(maxIndex, Math.abs(a.index[i] - b.index[i]));
    if (a.cls[i] !== b.cls[i]) classDiff++;
  }
  if (maxSum > 1e-9 || maxIndex > 1e-9 || classDiff > 0) {
    throw new Error(`outputs differ: max |Δsum| ${maxSum}, max |Δindex| ${maxIndex}, ${classDiff} classes`);
  }
  return `${a.ids.length} valid rows agree with pandas (max |Δindex| ${maxIndex.toExponential(1)}, classes identical)`;
}
