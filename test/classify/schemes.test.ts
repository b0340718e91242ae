import { describe, expect, it } from "vitest";
import {
  assignClass,
  berlinMssDynamic,
  berlinMssGroup,
  berlinMssGroups,
  berlinMssStatus,
  checkClassScheme,
  classSchemes,
  conspicuousnessScheme,
} from "../../src/classify/index.js";

const label = (x: number | null, s = berlinMssStatus) => assignClass(x, s)?.label ?? null;

// Boundaries from the MSS 2021 Indikatorenheft pp. 41/45 (see ../shared/data/README.md).
describe("class schemes", () => {
  it("Berlin status: hoch x < −1, mittel −1 ≤ x ≤ 1, niedrig 1 < x ≤ 1.5, sehr niedrig x > 1.5", () => {
    expect([-1.0001, -1, 0, 1, 1.0001, 1.5, 1.5001, 9].map((x) => label(x))).toEqual([
      "hoch", "mittel", "mittel", "mittel", "niedrig", "niedrig", "sehr niedrig", "sehr niedrig",
    ]);
    expect(berlinMssStatus.classes.map((c) => c.code)).toEqual([1, 2, 3, 4]);
    expect(label(null)).toBeNull();
    expect(label(Number.NaN)).toBeNull();
  });

  it("Berlin dynamics: positiv x < −1, stabil −1 ≤ x ≤ 1, negativ x > 1", () => {
    expect([-1.0001, -1, 1, 1.0001].map((x) => label(x, berlinMssDynamic))).toEqual(["positiv", "stabil", "stabil", "negativ"]);
  });

  it("combined groups 1+ … 4- with the publisher's spelling", () => {
    expect(berlinMssGroup("mittel", "stabil")).toBe("2+/-");
    expect(berlinMssGroup("hoch", "positiv")).toBe("1+");
    expect(berlinMssGroup("sehr niedrig", "negativ")).toBe("4-");
    expect(berlinMssGroup(null, "stabil")).toBeNull();
    expect(berlinMssGroups).toEqual(["1+", "1+/-", "1-", "2+", "2+/-", "2-", "3+", "3+/-", "3-", "4+", "4+/-", "4-"]);
    expect(() => berlinMssGroup("gut", "stabil")).toThrow('berlinMssGroup: unbekannte Statusklasse "gut" (hoch, mittel, niedrig, sehr niedrig)');
  });

  it("conspicuousness levels: z > 1 auffällig, z > 1.5 stark auffällig, configurable", () => {
    const s = conspicuousnessScheme();
    expect([1, 1.01, 1.5, 1.51].map((x) => label(x, s))).toEqual(["unauffällig", "auffällig", "auffällig", "stark auffällig"]);
    expect(label(1.7, conspicuousnessScheme({ strong: 2 }))).toBe("auffällig");
    expect(() => conspicuousnessScheme({ flag: 2, strong: 1 })).toThrow('conspicuousnessScheme: Option "thresholds" muss endlich sein mit strong ≥ flag, angegeben: flag 2, strong 1');
  });

  it("registry and scheme checks", () => {
    expect(Object.keys(classSchemes)).toEqual(["berlin-mss-status", "berlin-mss-dynamic"]);
    expect(() => checkClassScheme({ id: "x", label: "x", classes: [{ label: "a", code: 1, atMost: 2 }, { label: "b", code: 2, atMost: 1 }, { label: "c", code: 3 }] })).toThrow(
      'checkClassScheme: Grenzen des Klassenschemas "x" müssen steigen (Klasse "b": 1 nach 2)',
    );
    expect(() => checkClassScheme({ id: "x", label: "x", classes: [{ label: "a", code: 1 }, { label: "b", code: 2 }] })).toThrow(
      'checkClassScheme: Klasse "a" des Klassenschemas "x" braucht eine endliche Obergrenze, angegeben: undefined',
    );
  });
});
