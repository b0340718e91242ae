import { describe, expect, it } from "vitest";
import { neighbourhoodAnalysis } from "../../src/spatial/neighbourhoodAnalysis.js";
import { gridGeoJson } from "./helpers.js";

describe("neighbourhoodAnalysis errors (German, naming the value)", () => {
  const grid = gridGeoJson(3, 3);
  const values = new Map(grid.features.map((f, i) => [f.properties.id, i % 4]));
  const variables = [{ id: "status_index", label: "Status-Index", values }];

  it("names a lisaFor entry that is not a variable, and the variables there are", () => {
    expect(() => neighbourhoodAnalysis(grid as never, variables, { idProperty: "id", permutations: 9, seed: 1, lisaFor: ["sgb2"] })).toThrow(
      'neighbourhoodAnalysis: Option "lisaFor" nennt "sgb2", das ist keine der Variablen (status_index)',
    );
  });

  it("refuses an empty variable list", () => {
    expect(() => neighbourhoodAnalysis(grid as never, [], { idProperty: "id" })).toThrow("neighbourhoodAnalysis: braucht mindestens eine Variable");
  });
});
