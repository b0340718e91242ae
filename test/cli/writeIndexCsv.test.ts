import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumberBlock, writeIndexCsv } from "../../src/cli/writeIndexCsv.js";
import type { CompositeColumns } from "../../src/classify/compositeIndex.js";
import { quoteCsvField } from "../../src/io/quoteCsvField.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sozialraum-write-index-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The output as the index command wrote it before (one string per line): the independent reference. */
function reference(c: CompositeColumns): string {
  let s = "id,sum,index,class\n";
  for (let i = 0; i < c.id.length; i++) {
    if (c.valid[i] !== 1) continue;
    s += quoteCsvField(c.id[i], ",") + "," + c.sum[i] + "," + c.index[i] + "," + quoteCsvField(c.class[i] ?? "", ",") + "\n";
  }
  return s;
}

function columns(rows: { id: string; valid: boolean; sum: number; index: number; cls: string | null }[]): CompositeColumns {
  return {
    id: rows.map((r) => r.id),
    valid: Uint8Array.from(rows, (r) => (r.valid ? 1 : 0)),
    z: {},
    sum: Float64Array.from(rows, (r) => (r.valid ? r.sum : NaN)),
    index: Float64Array.from(rows, (r) => (r.valid ? r.index : NaN)),
    class: rows.map((r) => (r.valid ? r.cls : null)),
  };
}

const double = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.constantFrom(0, -0, 5e-324, -1.7976931348623157e308, 1e21, 1e-7, 123456789012345680000, -2.2250738585072014e-308),
);
const row = fc.record({
  id: fc.oneof(fc.stringMatching(/^[0-9]{1,8}$/), fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('a,"b"', "ä1", "x\ny", "𝔘")),
  valid: fc.boolean(),
  sum: double,
  index: double,
  cls: fc.oneof(fc.constantFrom("hoch", "mittel", "niedrig", "sehr niedrig", 'mit "Komma", ja', "ü"), fc.constant(null)),
});

describe("writeIndexCsv", () => {
  it("writes the same bytes as one string per line (String(x) numbers, quoted ids and classes), on 1 and 2 threads", () => {
    const file = join(dir, "p.csv");
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const c = columns(rows);
        const expected = reference(c);
        for (const threads of [1, 2]) {
          const written = writeIndexCsv(file, c, threads);
          expect(readFileSync(file, "utf8")).toBe(expected);
          expect(written).toBe(rows.filter((r) => r.valid).length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("rounds, buffer flushes and blocks: 300 000 rows with long ids give the reference bytes on 2 threads", () => {
    const n = 300_000;
    const rows = Array.from({ length: n }, (_, i) => ({
      id: (i % 7 === 0 ? "Gebiet ä " : "") + String(i).padStart(9, "0"),
      valid: i % 11 !== 3,
      sum: Math.sin(i) * 10 ** ((i % 40) - 20),
      index: i % 13 === 0 ? -0 : Math.cos(i) / 3,
      cls: ["hoch", "mittel", "niedrig"][i % 3],
    }));
    const c = columns(rows);
    const file = join(dir, "big.csv");
    writeIndexCsv(file, c, 2);
    expect(readFileSync(file, "utf8")).toBe(reference(c));
  });

  it("an id longer than the output buffer is written whole", () => {
    const c = columns([
      { id: "a", valid: true, sum: 1.5, index: -2, cls: "hoch" },
      { id: "x".repeat(400_000), valid: true, sum: 0.1, index: 3e-9, cls: null },
      { id: "b", valid: true, sum: 2, index: 1, cls: "mittel" },
    ]);
    const file = join(dir, "long.csv");
    writeIndexCsv(file, c, 1);
    expect(readFileSync(file, "utf8")).toBe(reference(c));
  });

  it("formatNumberBlock prints String(x) as bytes into 32-byte slots", () => {
    const values = Float64Array.of(-1.2345678901234567e-308, 0.1, -0, 1e21);
    const text = new Uint8Array(4 * 32);
    const lengths = new Uint8Array(4);
    formatNumberBlock({ values, text, lengths, perBlock: 2 }, 1);
    expect(Array.from(lengths)).toEqual([0, 0, 1, 5]);
    expect(Buffer.from(text.subarray(64, 65)).toString()).toBe("0");
    expect(Buffer.from(text.subarray(96, 101)).toString()).toBe("1e+21");
    formatNumberBlock({ values, text, lengths, perBlock: 2 }, 0);
    expect(Buffer.from(text.subarray(0, lengths[0])).toString()).toBe("-1.2345678901234567e-308");
  });
});
