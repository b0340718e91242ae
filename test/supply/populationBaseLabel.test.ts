import { describe, expect, it } from "vitest";
import { populationBaseLabel, TARGET_GROUP_POPULATION_COLUMNS } from "../../src/supply/index.js";

describe("populationBaseLabel", () => {
  it("merges touching age bands into one German range", () => {
    expect(populationBaseLabel(["ew_0_5"])).toBe("0–5 Jahre");
    expect(populationBaseLabel(TARGET_GROUP_POPULATION_COLUMNS.children)).toBe("0–17 Jahre");
    expect(populationBaseLabel(TARGET_GROUP_POPULATION_COLUMNS["working-age"])).toBe("15–64 Jahre");
    expect(populationBaseLabel(TARGET_GROUP_POPULATION_COLUMNS.elderly)).toBe("65 Jahre und älter");
    expect(populationBaseLabel(["ew_65_plus", "ew_25_64"])).toBe("25 Jahre und älter"); // order does not matter
  });
  it("keeps gaps, names all residents and unknown columns, appends the facility types", () => {
    expect(populationBaseLabel(["ew_0_5", "ew_15_17"])).toBe("0–5 Jahre, 15–17 Jahre");
    expect(populationBaseLabel(TARGET_GROUP_POPULATION_COLUMNS.context)).toBe("alle Einwohner");
    expect(populationBaseLabel(["kinder_u3"])).toBe("kinder_u3");
    expect(populationBaseLabel(["ew_0_5"], { types: ["Kita"] })).toBe("0–5 Jahre (Kita)");
    expect(populationBaseLabel(["ew_0_5"], { types: null })).toBe("0–5 Jahre");
  });
});
