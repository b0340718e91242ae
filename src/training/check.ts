import { checkAnswer, type CheckResult, type CheckValue } from "./checkAnswer.js";

/** The latest result per exercise name in this process (a notebook kernel session). */
const results = new Map<string, CheckResult>();

/**
 * Self-check for an exercise in a training notebook: compares the trainee's answer with the expected value
 * ({@link checkAnswer}), prints "✓ richtig: …" or "✗ noch nicht: … – erwartet …, erhalten …" and remembers the
 * result for {@link checkSummary} (running a cell again replaces the earlier result of that exercise). Returns
 * nothing, so a notebook cell shows only the verdict; {@link checkAnswer} gives the result object.
 *
 * @param name exercise name, e.g. "Aufgabe 1: Kinderarmut"
 * @param actual the trainee's answer
 * @param expected the correct value (from the library or a hand calculation)
 * @param tolerance absolute tolerance for numbers (default 1e-9)
 * @example
 * check("Aufgabe 1: Kinderarmut in %", meineQuote, 23.4, 0.05); // prints "✓ richtig: Aufgabe 1: Kinderarmut in %"
 */
export function check(name: string, actual: unknown, expected: CheckValue, tolerance?: number): void {
  const result = checkAnswer(name, actual, expected, tolerance);
  results.set(name, result);
  console.log(result.message);
}

/** Options of {@link checkSummary}. */
export interface CheckSummaryOptions {
  /** Throw an error when an exercise is not solved (e.g. in CI, where the notebook holds the model solutions). */
  throwIfWrong?: boolean;
}

/** The tally of {@link checkTally}. */
export interface CheckTally {
  total: number;
  passed: number;
  /** Names of the exercises not solved yet, in the order they were first checked. */
  open: string[];
  /** German one-line summary, e.g. "5 von 6 Aufgaben richtig; noch offen: Aufgabe 3". */
  message: string;
  /** Every result, in the order the exercises were first checked. */
  results: CheckResult[];
}

/**
 * How many exercises checked with {@link check} in this session are solved (without printing).
 *
 * @example
 * checkTally().message; // "✓ 6 von 6 Aufgaben richtig"
 */
export function checkTally(): CheckTally {
  const all = [...results.values()];
  const open = all.filter((r) => !r.ok).map((r) => r.name);
  const passed = all.length - open.length;
  const message =
    all.length === 0
      ? "Noch keine Aufgabe geprüft."
      : open.length === 0
        ? `✓ ${passed} von ${all.length} Aufgaben richtig`
        : `${passed} von ${all.length} Aufgaben richtig; noch offen: ${open.join(", ")}`;
  return { total: all.length, passed, open, message, results: all };
}

/**
 * Prints how many exercises are solved ({@link checkTally}); with `throwIfWrong`, throws when one is open or
 * none was checked.
 *
 * @example
 * checkSummary(); // prints "✓ 6 von 6 Aufgaben richtig"
 */
export function checkSummary(options: CheckSummaryOptions = {}): void {
  const tally = checkTally();
  console.log(tally.message);
  if (options.throwIfWrong && (tally.open.length > 0 || tally.total === 0)) throw new Error(`checkSummary: ${tally.message}`);
}

/** Forgets every result (start the exercises afresh). */
export function resetChecks(): void {
  results.clear();
}
