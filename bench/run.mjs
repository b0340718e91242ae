#!/usr/bin/env node
// Runs every bench/*.bench.ts in its own Node process (so peak memory is per benchmark) and collects the
// results that each prints as one JSON line prefixed with "BENCH ". Results go to bench/results/latest.json
// and a Markdown table to bench/results/latest.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const results = [];
for (const f of files) {
  process.stdout.write(`\n== ${f}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--max-old-space-size=16384", join(here, f)], {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  for (const line of r.stdout.split("\n")) {
    if (line.startsWith("BENCH ")) results.push({ file: f, ...JSON.parse(line.slice(6)) });
    else if (line.trim()) process.stdout.write(line + "\n");
  }
  if (r.status !== 0) {
    process.stderr.write(`benchmark ${f} failed with exit code ${r.status}\n`);
    process.exitCode = 1;
  }
}
const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30) };
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", "latest.json"), JSON.stringify({ machine, results }, null, 2) + "\n");
const md = ["| benchmark | case | seconds | peak RSS MiB | note |", "|---|---|---:|---:|---|"];
for (const r of results) md.push(`| ${r.name} | ${r.case ?? ""} | ${r.seconds?.toFixed?.(3) ?? ""} | ${r.peakRssMiB ?? ""} | ${r.note ?? ""} |`);
writeFileSync(join(here, "results", "latest.md"), `Machine: ${JSON.stringify(machine)}\n\n${md.join("\n")}\n`);
console.log("\n" + md.join("\n"));
