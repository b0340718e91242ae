import { describe, expect, it } from "vitest";
import { missing } from "../../src/table/missing.js";
import { neighbourhoodContext, weightsFromNeighbors } from "../../src/spatial/index.js";

const w = weightsFromNeighbors({ "01": ["02", "03"], "02": ["01"], "03": ["01"], "04": [] }, { ids: ["01", "02", "03", "04"] });
const rows = [
  { id: "01", klasse: "auffällig", kinderarmut: 31.5, flag: "ja" },
  { id: "02", klasse: "unauffällig", kinderarmut: 12.1, flag: "nein" },
  { id: "03", klasse: "auffällig", kinderarmut: 28.0, flag: 1 },
  { id: "04", klasse: "unauffällig", kinderarmut: 9.9, flag: missing(".") },
];

describe("neighbourhoodContext", () => {
  it("lists each conspicuous area's neighbours with their values, islands with one empty row", () => {
    expect(neighbourhoodContext(rows, w, { id: "id", areas: ["04", "01"], columns: ["klasse", "kinderarmut"] })).toEqual([
      { area: "01", neighbour: "02", neighbourFlagged: false, klasse: "unauffällig", kinderarmut: 12.1 },
      { area: "01", neighbour: "03", neighbourFlagged: false, klasse: "auffällig", kinderarmut: 28.0 },
      { area: "04", neighbour: null, neighbourFlagged: null, klasse: null, kinderarmut: null },
    ]);
  });
  it("takes the conspicuous areas from a flag column (missing markers and 'nein' are not set)", () => {
    const out = neighbourhoodContext(rows, w, { id: "id", flag: "flag", columns: ["kinderarmut"] });
    expect(out).toEqual([
      { area: "01", neighbour: "02", neighbourFlagged: false, kinderarmut: 12.1 },
      { area: "01", neighbour: "03", neighbourFlagged: true, kinderarmut: 28.0 },
      { area: "03", neighbour: "01", neighbourFlagged: true, kinderarmut: 31.5 },
    ]);
  });
  it("gives null values for a neighbour without a row and does not change its inputs", () => {
    const before = JSON.stringify(rows);
    const out = neighbourhoodContext(rows.slice(0, 1), w, { id: "id", areas: ["01"] });
    expect(out[1]).toEqual({ area: "01", neighbour: "03", neighbourFlagged: false, klasse: null, kinderarmut: null, flag: null });
    expect(JSON.stringify(rows)).toBe(before);
  });
  it("names bad input", () => {
    expect(() => neighbourhoodContext(rows, w, { id: "id" })).toThrow("neighbourhoodContext: entweder areas (eine Liste von Schlüsseln) oder flag (einen Spaltennamen) angeben");
    expect(() => neighbourhoodContext(rows, w, { id: "id", areas: ["99"] })).toThrow('neighbourhoodContext: Gebiet "99" ist nicht in den Gewichten enthalten');
    expect(() => neighbourhoodContext(rows, w, { id: "id", areas: ["01"], columns: ["x"] })).toThrow('neighbourhoodContext: Spalte "x" nicht in rows gefunden');
    expect(() => neighbourhoodContext([...rows, rows[0]], w, { id: "id", areas: ["01"] })).toThrow('neighbourhoodContext: doppelter Gebietsschlüssel "01" in rows');
  });
});
