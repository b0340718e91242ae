import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { wilsonInterval } from "../../src/indicators/wilsonInterval.js";
import { check, checkAnswer, checkSummary, checkTally, resetChecks } from "../../src/training/index.js";

describe("checkAnswer", () => {
  it("accepts numbers within the absolute tolerance, and only those", () => {
    expect(checkAnswer("Quote", 23.44, 23.4, 0.05).ok).toBe(true);
    expect(checkAnswer("Quote", 23.46, 23.4, 0.05).ok).toBe(false);
    expect(checkAnswer("Quote", 0.1 + 0.2, 0.3).ok).toBe(true); // default 1e-9 absorbs float noise
    expect(checkAnswer("Quote", 0.3001, 0.3).message).toBe("✗ noch nicht: Quote – erwartet 0,3, erhalten 0,3001");
    expect(checkAnswer("Quote", 2, 2, 0).message).toBe("✓ richtig: Quote");
  });

  it("says in German what was expected and what came, with German numbers", () => {
    expect(checkAnswer("Aufgabe 1", 2.34, 23.4, 0.05).message).toBe("✗ noch nicht: Aufgabe 1 – erwartet 23,4 (± 0,05), erhalten 2,34");
    expect(checkAnswer("Aufgabe 1", undefined, 1234.5, 0.1).message).toBe(
      "✗ noch nicht: Aufgabe 1 – erwartet 1.234,5 (± 0,1), erhalten nichts (undefined) (keine Zahl)",
    );
    expect(checkAnswer("Aufgabe 1", "23,4", 23.4, 0).message).toBe("✗ noch nicht: Aufgabe 1 – erwartet 23,4, erhalten „23,4“ (keine Zahl)");
    expect(checkAnswer("Aufgabe 1", NaN, 23.4, 0).message).toBe("✗ noch nicht: Aufgabe 1 – erwartet 23,4, erhalten NaN (keine Zahl)");
  });

  it("hints at a factor 100 (Anteil vs. Prozent)", () => {
    expect(checkAnswer("Anteil", 25, 0.25, 0.001).message).toBe(
      "✗ noch nicht: Anteil – erwartet 0,25 (± 0,001), erhalten 25 (Faktor 100: Anteil und Prozent verwechselt?)",
    );
    expect(checkAnswer("Prozent", 0.25, 25, 0.01).message).toContain("(Faktor 100: Anteil und Prozent verwechselt?)");
    expect(checkAnswer("Prozent", 0.3, 25, 0.01).message).not.toContain("Faktor 100");
  });

  it("compares text after trimming, and booleans and null exactly", () => {
    expect(checkAnswer("Klasse", " sehr niedrig ", "sehr niedrig").ok).toBe(true);
    expect(checkAnswer("Klasse", "niedrig", "sehr niedrig").message).toBe("✗ noch nicht: Klasse – erwartet „sehr niedrig“, erhalten „niedrig“");
    expect(checkAnswer("auffällig?", true, true).ok).toBe(true);
    expect(checkAnswer("auffällig?", "true", true).message).toBe("✗ noch nicht: auffällig? – erwartet true, erhalten „true“");
    expect(checkAnswer("nichts", null, null).ok).toBe(true);
  });

  it("compares arrays and objects and names the first difference", () => {
    expect(checkAnswer("z", [1, -0.5, 2], [1, -0.5, 2.0000001], 1e-6).ok).toBe(true);
    expect(checkAnswer("z", [1, 0.5, 2], [1, -0.5, 2], 1e-6).message).toBe("✗ noch nicht: z – erwartet bei [1] -0,5 (± 0,000001), erhalten 0,5");
    expect(checkAnswer("z", [1, 2], [1, 2, 3]).message).toBe("✗ noch nicht: z – erwartet 3 Werte, erhalten 2");
    // A library result as expected value; extra keys of the answer do not matter.
    const w = wilsonInterval(12, 80);
    expect(checkAnswer("Wilson", { lower: w.lower, upper: w.upper, extra: 1 }, { lower: w.lower, upper: w.upper }).ok).toBe(true);
    // Upper limit 0.2441322856132335 = R 4.x prop.test(12, 80, correct = FALSE)$conf.int[2], shown to 10 digits.
    expect(checkAnswer("Wilson", { lower: 0.0879, upper: 0.3 }, { lower: w.lower, upper: w.upper }, 1e-4).message).toBe(
      "✗ noch nicht: Wilson – erwartet bei upper 0,2441322856 (± 0,0001), erhalten 0,3",
    );
    expect(checkAnswer("Wilson", 0.1, { lower: 0.1 }).message).toBe("✗ noch nicht: Wilson – erwartet ein Objekt, erhalten 0,1");
  });

  it("refuses a bad tolerance, name or expected value", () => {
    expect(() => checkAnswer("A", 1, 1, -1)).toThrow('checkAnswer: tolerance muss eine endliche Zahl ≥ 0 sein, angegeben ist -1 (Aufgabe "A")');
    expect(() => checkAnswer("", 1, 1)).toThrow('checkAnswer: name muss ein nicht leerer Text sein, angegeben ist ""');
    expect(() => checkAnswer("A", 1, { x: [1, NaN] })).toThrow('checkAnswer: der erwartete Wert muss endlich sein, angegeben ist NaN bei x[1] (Aufgabe "A")');
    expect(() => checkAnswer("A", 1, undefined as unknown as number)).toThrow(
      'checkAnswer: der erwartete Wert muss eine Zahl, ein Text, ein Wahrheitswert, null, eine Liste oder ein Objekt sein, angegeben ist undefined (Aufgabe "A")',
    );
  });

  it("accepts exactly the answers within the tolerance (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, d, tol) => {
        expect(checkAnswer("p", x + d, x, tol).ok).toBe(Math.abs(x + d - x) <= tol);
      }),
    );
  });
});

describe("check and checkSummary", () => {
  let log: MockInstance<typeof console.log>;
  beforeEach(() => {
    resetChecks();
    log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  });
  afterEach(() => log.mockRestore());

  it("prints the verdict and counts the latest result per exercise", () => {
    expect(check("Aufgabe 1", 1, 1)).toBeUndefined(); // nothing for the notebook to echo
    check("Aufgabe 2", 3, 2);
    expect(log.mock.calls.map((c) => c[0])).toEqual(["✓ richtig: Aufgabe 1", "✗ noch nicht: Aufgabe 2 – erwartet 2, erhalten 3"]);
    const tally = checkTally();
    expect({ ...tally, results: tally.results.map((r) => r.name) }).toEqual({
      total: 2,
      passed: 1,
      open: ["Aufgabe 2"],
      message: "1 von 2 Aufgaben richtig; noch offen: Aufgabe 2",
      results: ["Aufgabe 1", "Aufgabe 2"],
    });
    checkSummary();
    expect(log.mock.lastCall?.[0]).toBe("1 von 2 Aufgaben richtig; noch offen: Aufgabe 2");
    expect(() => checkSummary({ throwIfWrong: true })).toThrow("checkSummary: 1 von 2 Aufgaben richtig; noch offen: Aufgabe 2");
    check("Aufgabe 2", 2, 2); // solved on the second try
    expect(() => checkSummary({ throwIfWrong: true })).not.toThrow();
    expect(log.mock.lastCall?.[0]).toBe("✓ 2 von 2 Aufgaben richtig");
  });

  it("has nothing to summarise after a reset, which is an error when strict", () => {
    check("Aufgabe 1", 1, 1);
    resetChecks();
    expect(checkTally().message).toBe("Noch keine Aufgabe geprüft.");
    expect(() => checkSummary({ throwIfWrong: true })).toThrow("checkSummary: Noch keine Aufgabe geprüft.");
  });
});
