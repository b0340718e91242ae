import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaTableFromRows, joinAreaTables, missing } from "../../src/table/index.js";

describe("joinAreaTables", () => {
  it("keeps the left order, adds the right columns, takes agreeing shared columns once", () => {
    const a = areaTableFromRows([{ id: "03", name: "C", n: 3 }, { id: "01", name: "A", n: missing(".") }], { id: "id", file: "a.csv" });
    const b = areaTableFromRows([{ key: "01", name: "A", m: 10 }, { key: "03", name: "C", m: 30 }], { id: "key", file: "b.csv" });
    const j = joinAreaTables(a, b);
    expect(j.name).toBe("joinAreaTables");
    expect(j.table.columns).toEqual(["id", "name", "n", "m"]);
    expect(j.table.rows).toEqual([{ id: "03", name: "C", n: 3, m: 30 }, { id: "01", name: "A", n: missing("."), m: 10 }]);
    expect(j.table.rowNumbers).toEqual([2, 3]);
    expect(j.table.file).toBe("a.csv + b.csv");
    expect(j.excluded).toEqual([]);
    expect(j.warnings).toEqual([]);
    expect(a.rows[0]).toEqual({ id: "03", name: "C", n: 3 }); // inputs not mutated
  });

  it("copies a row when it adds columns, and shares it unchanged when it adds none (the pipeline's join)", () => {
    const a = areaTableFromRows([{ id: "01", n: 1, s: missing(".") }, { id: "02", n: 2, s: "x" }], { id: "id", file: "a.csv" });
    const b = areaTableFromRows([{ id: "02", m: 20 }, { id: "01", m: 10 }], { id: "id", file: "b.csv" });
    const added = joinAreaTables(a, b);
    expect(added.table.rows).toEqual([{ id: "01", n: 1, s: missing("."), m: 10 }, { id: "02", n: 2, s: "x", m: 20 }]);
    expect(added.table.rows[0]).not.toBe(a.rows[0]);
    expect(a.rows[0]).toEqual({ id: "01", n: 1, s: missing(".") });
    const none = joinAreaTables(a, b, { columns: [] });
    expect(none.table.columns).toEqual(["id", "n", "s"]);
    expect(none.table.rows[1]).toBe(a.rows[1]);
  });

  it("accounts for every key exactly once: joined, or excluded from one side (property)", () => {
    const keys = fc.uniqueArray(fc.integer({ min: 0, max: 60 }).map((k) => String(k).padStart(3, "0")), { maxLength: 30 });
    fc.assert(
      fc.property(keys, keys, (ka, kb) => {
        const a = areaTableFromRows(ka.map((id) => ({ id, x: 1 })), { id: "id", file: "a" });
        const b = areaTableFromRows(kb.map((id) => ({ id, y: 2 })), { id: "id", file: "b" });
        const j = joinAreaTables(a, b);
        const both = ka.filter((k) => kb.includes(k));
        expect(j.table.rows.map((r) => r.id)).toEqual(both);
        expect(j.excluded.filter((e) => e.reason === "fehlt in b").map((e) => e.id)).toEqual(ka.filter((k) => !kb.includes(k)));
        expect(j.excluded.filter((e) => e.reason === "fehlt in a").map((e) => e.id)).toEqual(kb.filter((k) => !ka.includes(k)));
        expect(j.n + j.excluded.length).toBe(new Set([...ka, ...kb]).size);
      }),
    );
  });

  it("takes only the chosen right columns", () => {
    const a = areaTableFromRows([{ id: "1", n: 1 }], { id: "id" });
    const b = areaTableFromRows([{ id: "1", n: 2, m: 3 }], { id: "id" });
    expect(joinAreaTables(a, b, { columns: ["m"] }).table.rows).toEqual([{ id: "1", n: 1, m: 3 }]);
    expect(() => joinAreaTables(a, b, { columns: ["z"] })).toThrow(/^joinAreaTables: <rows>, Spalte "z": Spalte nicht gefunden$/);
  });
});
