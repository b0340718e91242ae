import { readFileSync } from "node:fs";
import { sharedPath } from "../helpers/shared-data.js";

/** The 403 Sacramento tracts (PySAL example "sacramento2") as plain rows; FIPS stays a string. */
export function sacramentoRows(): Array<Record<string, number | string>> {
  const lines = readFileSync(sharedPath("pysal-examples", "sacramento2", "sacramentot2.csv"), "utf8").trim().split(/\r?\n/);
  const head = lines[0].split(",");
  return lines.slice(1).map((line) => {
    const v = line.split(",");
    const row: Record<string, number | string> = {};
    head.forEach((h, i) => (row[h] = h === "FIPS" || h === "MSA" ? v[i] : Number(v[i])));
    return row;
  });
}

/** PySAL segregation's published values for sacramento2 (expected_values.json in the shared data). */
export function sacramentoExpected(): any {
  return JSON.parse(readFileSync(sharedPath("pysal-examples", "sacramento2", "expected_values.json"), "utf8"));
}

/** A JSON reference file of this topic (test/reference/mix/…). */
export function mixReference(name: string): any {
  return JSON.parse(readFileSync(new URL(`../reference/mix/${name}`, import.meta.url), "utf8"));
}

/** Deep-freezes a value so that any mutation by the code under test throws (strict mode). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
