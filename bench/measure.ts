/**
 * Helpers for benchmarks: time a step and report peak resident memory of this process.
 * Each benchmark prints its results as lines `BENCH {json}` which bench/run.mjs collects.
 */
import { performance } from "node:perf_hooks";

export function peakRssMiB(): number {
  // resourceUsage().maxRSS is in kilobytes and covers the whole life of the process.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export async function measure<T>(name: string, caseLabel: string, fn: () => T | Promise<T>, note = ""): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  const seconds = (performance.now() - t0) / 1000;
  report({ name, case: caseLabel, seconds, peakRssMiB: peakRssMiB(), note });
  return out;
}

export function report(entry: { name: string; case?: string; seconds: number; peakRssMiB?: number; note?: string; [k: string]: unknown }): void {
  console.log("BENCH " + JSON.stringify({ peakRssMiB: peakRssMiB(), ...entry }));
}
