import { formatGermanNumber } from "../io/formatGermanNumber.js";

/**
 * A value an exercise can expect: a number, text, yes/no, null, or arrays and plain objects of these (checked
 * when the exercise is checked; `object` so that library results such as a `WilsonInterval` fit as they are).
 */
export type CheckValue = number | string | boolean | null | object;

/** The outcome of comparing a trainee's answer with the expected value ({@link checkAnswer}). */
export interface CheckResult {
  /** Name of the exercise, e.g. "Aufgabe 1: Kinderarmut". */
  name: string;
  ok: boolean;
  actual: unknown;
  expected: CheckValue;
  /** Absolute tolerance for numbers. */
  tolerance: number;
  /** German one-line verdict: "✓ richtig: …" or "✗ noch nicht: … – erwartet …, erhalten …". */
  message: string;
}

/**
 * Compares a trainee's answer with the expected value and says in German what is wrong. Numbers match when
 * |actual − expected| ≤ tolerance (absolute; default 1e-9, which only absorbs floating-point noise); text after trimming spaces; `true`/`false`/`null`
 * exactly; arrays element by element (same length); objects key by key of `expected` (extra keys of the answer
 * are ignored, so a whole result object may be passed). The message names the first difference (e.g.
 * "bei upper"), shows numbers the German way and hints at a factor 100 (Anteil vs. Prozent) when that is the
 * only difference.
 *
 * @example
 * checkAnswer("Anteil", 0.25, 0.25).message;          // "✓ richtig: Anteil"
 * checkAnswer("Anteil", 25, 0.25, 0.001).message;
 * // "✗ noch nicht: Anteil – erwartet 0,25 (± 0,001), erhalten 25 (Faktor 100: Anteil und Prozent verwechselt?)"
 */
export function checkAnswer(name: string, actual: unknown, expected: CheckValue, tolerance?: number): CheckResult {
  const fn = "checkAnswer";
  // The default only absorbs floating-point noise; it is not shown in messages.
  const shown = tolerance !== undefined;
  if (tolerance === undefined) tolerance = 1e-9;
  if (typeof name !== "string" || name.trim() === "") throw new Error(`${fn}: name muss ein nicht leerer Text sein, angegeben ist ${JSON.stringify(name) ?? String(name)}`);
  if (!(typeof tolerance === "number" && Number.isFinite(tolerance) && tolerance >= 0)) {
    throw new Error(`${fn}: tolerance muss eine endliche Zahl ≥ 0 sein, angegeben ist ${String(tolerance)} (Aufgabe "${name}")`);
  }
  assertCheckValue(fn, name, expected, "");
  const difference = differ(actual, expected, tolerance, shown, "");
  const message = difference === null ? `✓ richtig: ${name}` : `✗ noch nicht: ${name} – ${difference}`;
  return { name, ok: difference === null, actual, expected, tolerance, message };
}

/** German description of the first difference, or null when the answer matches. */
function differ(actual: unknown, expected: unknown, tolerance: number, shown: boolean, path: string): string | null {
  const at = path ? ` bei ${path}` : "";
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `erwartet${at} eine Liste mit ${expected.length} Werten, erhalten ${show(actual)}`;
    if (actual.length !== expected.length) return `erwartet${at} ${expected.length} Werte, erhalten ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = differ(actual[i], expected[i], tolerance, shown, `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return `erwartet${at} ein Objekt, erhalten ${show(actual)}`;
    for (const key of Object.keys(expected)) {
      const sub = (expected as Record<string, unknown>)[key];
      const d = differ((actual as Record<string, unknown>)[key], sub, tolerance, shown, path ? `${path}.${key}` : key);
      if (d !== null) return d;
    }
    return null;
  }
  if (typeof expected === "number") {
    const want = `erwartet${at} ${number(expected)}${shown && tolerance > 0 ? ` (± ${number(tolerance)})` : ""}`;
    if (typeof actual !== "number" || Number.isNaN(actual)) return `${want}, erhalten ${show(actual)} (keine Zahl)`;
    if (Math.abs(actual - expected) <= tolerance) return null;
    const factor100 = Math.abs(actual / 100 - expected) <= tolerance || Math.abs(actual * 100 - expected) <= tolerance;
    return `${want}, erhalten ${number(actual)}${factor100 && expected !== 0 ? " (Faktor 100: Anteil und Prozent verwechselt?)" : ""}`;
  }
  if (typeof expected === "string") {
    if (typeof actual === "string" && actual.trim() === expected.trim()) return null;
    return `erwartet${at} „${expected}“, erhalten ${show(actual)}`;
  }
  return actual === expected ? null : `erwartet${at} ${show(expected)}, erhalten ${show(actual)}`;
}

/** Numbers the German way, rounded to 10 significant digits (enough to see a difference, without float noise). */
function number(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return formatGermanNumber(Number(x.toPrecision(10)));
}

function show(value: unknown): string {
  if (value === undefined) return "nichts (undefined)";
  if (value === null) return "null";
  if (typeof value === "number") return number(value);
  if (typeof value === "string") return `„${value}“`;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `eine Liste mit ${value.length} Werten`;
  return typeof value === "object" ? "ein Objekt" : String(value);
}

function assertCheckValue(fn: string, name: string, value: unknown, path: string): void {
  const where = `${path ? ` bei ${path}` : ""} (Aufgabe "${name}")`;
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${fn}: der erwartete Wert muss endlich sein, angegeben ist ${value}${where}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertCheckValue(fn, name, v, `${path}[${i}]`));
    return;
  }
  if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as object)) assertCheckValue(fn, name, v, path ? `${path}.${k}` : k);
    return;
  }
  throw new Error(`${fn}: der erwartete Wert muss eine Zahl, ein Text, ein Wahrheitswert, null, eine Liste oder ein Objekt sein, angegeben ist ${typeof value}${where}`);
}
