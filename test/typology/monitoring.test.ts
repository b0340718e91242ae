import { describe, expect, it } from "vitest";
import { auffaelligPersistence, classTransitions } from "../../src/typology/index.js";

// Hand calculation: five areas, three surveys.
//          2019         2021              2023
// A   auffällig     auffällig         stark auffällig
// B   unauffällig   auffällig         auffällig
// C   auffällig     unauffällig       auffällig
// D   unauffällig   unauffällig       unauffällig
// E   auffällig     (no value)        auffällig
const byYear = [
  { year: 2019, classes: { A: "auffällig", B: "unauffällig", C: "auffällig", D: "unauffällig", E: "auffällig" } },
  { year: 2021, classes: { A: "auffällig", B: "auffällig", C: "unauffällig", D: "unauffällig", E: null } },
  { year: 2023, classes: { A: "stark auffällig", B: "auffällig", C: "auffällig", D: "unauffällig", E: "auffällig" } },
];

describe("classTransitions (hand calculation)", () => {
  const [t1, t2] = classTransitions(byYear);

  it("2019 → 2021: counts per pair of classes, E left out with a reason", () => {
    expect(t1.from).toBe(2019);
    expect(t1.to).toBe(2021);
    expect(t1.classes).toEqual(["auffällig", "unauffällig"]);
    // A auff→auff, B unauff→auff, C auff→unauff, D unauff→unauff
    expect(t1.counts).toEqual([[1, 1], [1, 1]]);
    expect(t1.total).toBe(4);
    expect(t1.unchanged).toBe(2);
    expect(t1.changes).toEqual([
      { id: "B", from: "unauffällig", to: "auffällig" },
      { id: "C", from: "auffällig", to: "unauffällig" },
    ]);
    expect(t1.excluded).toEqual([{ id: "E", step: "classTransitions", reason: "keine Klasse im Jahr 2021" }]);
  });

  it("2021 → 2023 with a fixed class order", () => {
    const [, t] = classTransitions(byYear, { classOrder: ["unauffällig", "auffällig", "stark auffällig"] });
    // A auff→stark, B auff→auff, C unauff→auff, D unauff→unauff
    expect(t.counts).toEqual([
      [1, 1, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
    expect(t2.total).toBe(4);
    expect(t2.excluded.map((e) => e.id)).toEqual(["E"]);
  });

  it("errors name the function and the problem", () => {
    expect(() => classTransitions([])).toThrow("classTransitions: byYear ist leer");
    expect(() => classTransitions([byYear[0], byYear[0]])).toThrow("classTransitions: Jahr 2019 kommt doppelt vor (Eintrag 2)");
    expect(() => classTransitions(byYear, { classOrder: ["auffällig"] })).toThrow('classTransitions: Klasse "unauffällig" fehlt in classOrder');
  });

  it("a single year gives no tables", () => {
    expect(classTransitions([byYear[0]])).toEqual([]);
  });
});

describe("auffaelligPersistence (hand calculation)", () => {
  const p = auffaelligPersistence(byYear);

  it("counts consecutive latest surveys in which the area was auffällig", () => {
    expect(p.map((a) => [a.id, a.streak])).toEqual([["A", 3], ["B", 2], ["C", 1], ["D", 0], ["E", 1]]);
    expect(p[0].streakYears).toEqual([2019, 2021, 2023]);
    expect(p[1].streakYears).toEqual([2021, 2023]);
    expect(p[2].auffaelligYears).toEqual([2019, 2023]);
    expect(p[3].auffaelligYears).toEqual([]);
  });

  it("a survey without a value ends the streak and is listed", () => {
    expect(p[4].streakYears).toEqual([2023]);
    expect(p[4].missingYears).toEqual([2021]);
    expect(p[4].auffaelligYears).toEqual([2019, 2023]);
  });

  it("counts only the named classes when given", () => {
    const strong = auffaelligPersistence(byYear, { auffaellig: ["stark auffällig"] });
    expect(strong.map((a) => a.streak)).toEqual([1, 0, 0, 0, 0]);
  });
});
