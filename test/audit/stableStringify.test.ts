import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { provenance, stableJsonDigest } from "../../src/audit/provenance.js";
import { stableJsonBytes, stableStringify } from "../../src/audit/stable-stringify.js";
import { missing } from "../../src/table/missing.js";

// Reference: the definition itself — a copy with the keys of every plain object inserted in sorted order, written
// by the built-in JSON.stringify (independent of the direct writer under test).
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const v = value as Record<string, unknown> & { toJSON?: () => unknown };
    if (typeof v.toJSON === "function") return sortedCopy(v.toJSON());
    const out: Record<string, unknown> = Object.create(null); // an own "__proto__" key stays a key
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortedCopy(v[k]);
    return out;
  }
  return value;
}
const reference = (v: unknown) => JSON.stringify(sortedCopy(v));

describe("stableStringify", () => {
  it("writes the same bytes as JSON.stringify of a key-sorted copy", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withDate: true, withSparseArray: true }), (v) => {
        expect(stableStringify(v)).toBe(reference(v));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps JSON.stringify's order for integer-like keys, skips undefined and functions, writes NaN as null", () => {
    const v = { "10": 1, "9": 2, b: undefined, a: () => 1, n: NaN, m: missing("."), d: new Date(0), z: [undefined, Infinity] };
    expect(stableStringify(v)).toMatch(/^\{"9":2,"10":1,"d":"1970-01-01T00:00:00\.000Z","m":\{.*\},"n":null,"z":\[null,null\]\}$/);
    expect(stableStringify(v)).toBe(reference(v));
  });
});

describe("stableJsonBytes", () => {
  it("gives the UTF-8 bytes of stableStringify, so the same SHA-256 and size", () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string({ unit: "binary" }), fc.oneof(fc.double(), fc.string({ unit: "binary" }), fc.constant(null), fc.boolean()))), (rows) => {
        const bytes = Buffer.from(stableJsonBytes(rows));
        const text = stableStringify(rows);
        expect(bytes.equals(Buffer.from(text, "utf8"))).toBe(true);
        expect(createHash("sha256").update(bytes).digest("hex")).toBe(createHash("sha256").update(text).digest("hex"));
      }),
      { numRuns: 200 },
    );
  });

  it("writes a table larger than one chunk", () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ id: `ä${i}`, b: i / 7, a: i % 3 === 0 ? null : "x" }));
    expect(Buffer.from(stableJsonBytes(rows)).toString("utf8")).toBe(reference(rows));
  });
});


describe("stableJsonBytes and stableJsonDigest on rows that share their keys (batched writer)", () => {
  // Rows of one key set with any cells: primitive rows go through the batch writer, rows with an object, array or
  // Date cell through the direct writer; both must give the bytes of the sorted copy.
  const cell = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.string({ unit: "binary" }),
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.date({ noInvalidDate: true }),
    fc.constant(() => 1),
    fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }),
    fc.array(fc.integer(), { maxLength: 3 }),
  );
  const table = fc.uniqueArray(fc.string({ unit: "binary", minLength: 1 }), { minLength: 1, maxLength: 6 }).chain((keys) =>
    fc.array(fc.tuple(...keys.map(() => cell)).map((cells) => Object.fromEntries(keys.map((k, j) => [k, cells[j]]))), { maxLength: 30 }),
  );

  it("gives the bytes, SHA-256 and size of the key-sorted copy", () => {
    fc.assert(
      fc.property(table, (rows) => {
        const text = reference(rows);
        expect(Buffer.from(stableJsonBytes(rows)).toString("utf8")).toBe(text);
        expect(stableJsonDigest(rows)).toEqual({ sha256: createHash("sha256").update(text).digest("hex"), bytes: Buffer.byteLength(text) });
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a key named __proto__ as an ordinary key (found by the property above: a Date under __proto__ threw)", () => {
    const rows = [Object.fromEntries([["__proto__", new Date(0)], ["a", 1]])];
    const text = '[{"__proto__":"1970-01-01T00:00:00.000Z","a":1}]';
    expect(Buffer.from(stableJsonBytes(rows)).toString("utf8")).toBe(text);
    expect(stableJsonDigest(rows).sha256).toBe(createHash("sha256").update(text).digest("hex"));
  });

  it("writes a long table of one key set in several batches and pieces, and rows with other keys between them", () => {
    const rows: Array<Record<string, unknown>> = Array.from({ length: 12_000 }, (_, i) => ({ z: i, id: `ä${i}`, b: i / 7, a: i % 3 === 0 ? null : "x" }));
    rows.splice(5000, 0, { other: 1 }, { z: { nested: [1] }, id: "n" });
    const text = reference(rows);
    expect(Buffer.from(stableJsonBytes(rows)).toString("utf8")).toBe(text);
    expect(stableJsonDigest(rows).sha256).toBe(createHash("sha256").update(text).digest("hex"));
  });

  it("is recorded by provenance like the content itself", () => {
    const rows = [{ b: 1, a: "ü" }];
    const a = provenance({ inputs: [{ path: "tabelle:x", content: stableJsonDigest(rows) }], parameters: null });
    const b = provenance({ inputs: [{ path: "tabelle:x", content: stableStringify(rows) as string }], parameters: null });
    expect(a).toEqual(b);
    expect(a.inputs[0].bytes).toBe(Buffer.byteLength('[{"a":"ü","b":1}]'));
  });
});
