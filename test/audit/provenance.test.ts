import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION, provenance, sha256, stableStringify } from "../../src/index.js";

describe("provenance", () => {
  it("hashes input files with SHA-256 (reference: sha256sum of 'abc' = ba7816bf…)", () => {
    // FIPS 180-2 test vector: SHA-256("abc").
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const dir = mkdtempSync(join(tmpdir(), "prov-"));
    const f = join(dir, "a.csv");
    writeFileSync(f, "abc");
    const p = provenance({ inputs: [f], parameters: { b: 1, a: 2 } });
    expect(p.inputs[0]).toEqual({ path: f, sha256: sha256("abc"), bytes: 3 });
    expect(p.library.version).toBe(VERSION);
    expect(p.createdAt).toBeNull();
  });

  it("gives the same fingerprint whatever the order of parameter keys, and another for other parameters", () => {
    const a = provenance({ inputs: [{ path: "x", content: "1" }], parameters: { b: 1, a: [1, { d: 1, c: 2 }] } });
    const b = provenance({ inputs: [{ path: "x", content: "1" }], parameters: { a: [1, { c: 2, d: 1 }], b: 1 } });
    const c = provenance({ inputs: [{ path: "x", content: "1" }], parameters: { a: [1, { c: 2, d: 1 }], b: 2 } });
    const d = provenance({ inputs: [{ path: "x", content: "2" }], parameters: { a: [1, { c: 2, d: 1 }], b: 1 } });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
    expect(a.fingerprint).not.toBe(d.fingerprint);
    // The time stamp is not part of the fingerprint.
    expect(provenance({ inputs: [], parameters: 1, createdAt: "2026-01-01T00:00:00.000Z" }).fingerprint).toBe(
      provenance({ inputs: [], parameters: 1 }).fingerprint,
    );
  });

  it("names a missing input file", () => {
    expect(() => provenance({ inputs: ["/nonexistent/x.csv"], parameters: {} })).toThrow(
      'provenance: Eingabedatei "/nonexistent/x.csv" nicht lesbar',
    );
  });

  it("stableStringify sorts keys at every depth and drops undefined", () => {
    expect(stableStringify({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });
});

describe("provenance parameters JSON cannot record (review fix)", () => {
  it("refuses values that would give two analyses one fingerprint", () => {
    // JSON.stringify({ x: NaN }) === JSON.stringify({ x: null }) and a Map becomes {}: the fingerprints would collide.
    expect(() => provenance({ inputs: [], parameters: { a: { minimum: NaN } } })).toThrow(
      "provenance: parameters.a.minimum ist NaN, JSON hielte das als null fest; als Text oder null angeben",
    );
    expect(() => provenance({ inputs: [], parameters: { w: new Map([["x", 1]]) } })).toThrow(
      "provenance: parameters.w ist ein Map, JSON hielte das als {} fest; ein Objekt oder eine Liste angeben",
    );
    expect(() => provenance({ inputs: [], parameters: [1, Infinity] })).toThrow("provenance: parameters[1] ist Infinity");
    expect(() => provenance({ inputs: [], parameters: { f: () => 1 } })).toThrow("provenance: parameters.f ist vom Typ function");
    expect(provenance({ inputs: [], parameters: { d: new Date(0), u: undefined } }).parameters).toEqual({ d: new Date(0), u: undefined });
  });
});
