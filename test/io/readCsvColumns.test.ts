import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readCsvColumns, type CsvColumnsRead } from "../../src/io/readCsvColumns.js";
import { fastCsvColumns } from "../../src/io/fastCsvColumns.js";
import { scanCsvNumber, scanned, BOTH, ENGLISH, GERMAN, NONE, NOT_PLAIN } from "../../src/io/scanCsvNumber.js";
import { parseTrimmedNumber } from "../../src/io/parseGermanNumber.js";
import { Missing } from "../../src/table/missing.js";

const options = { file: "t.csv", text: ["key", "ok"], numbers: ["a", "b"] };

function read(bytes: Buffer, reader: "auto" | "full"): CsvColumnsRead | Error {
  try {
    return readCsvColumns(bytes, { ...options, reader });
  } catch (e) {
    return e as Error;
  }
}

/** The fast path's data equals the full reader's rows (an empty number cell is NaN there, missing("") in the rows). */
function expectSameData(fast: CsvColumnsRead, full: CsvColumnsRead): void {
  const rows = full.data as Array<Record<string, unknown>>;
  const cols = fast.data as Record<string, ArrayLike<unknown>>;
  for (const c of ["key", "ok", "a", "b"]) {
    expect(cols[c].length).toBe(rows.length);
    rows.forEach((row, i) => {
      const v = row[c];
      const want = v instanceof Missing && v.marker === "" ? NaN : v;
      if (!Object.is(cols[c][i], want)) expect({ column: c, row: i, value: cols[c][i] }).toEqual({ column: c, row: i, value: want });
    });
  }
}

describe("scanCsvNumber", () => {
  it("reads both decimal marks and thousands separators and classifies the evidence", () => {
    const cases: Array<[string, number, number, number]> = [
      ["12", 12, 12, NONE],
      ["-7", -7, -7, NONE],
      ["9,7", 9.7, 9.7, GERMAN],
      ["1.234.567", 1234567, 1234567, GERMAN],
      ["1.234,5", 1234.5, 1234.5, GERMAN],
      ["-1.234,56789", -1234.56789, -1234.56789, GERMAN],
      ["4.22594", 4.22594, 4.22594, ENGLISH],
      ["1,234,567", 1234567, 1234567, ENGLISH],
      ["1,234.5", 1234.5, 1234.5, ENGLISH],
      ["1.675", 1675, 1.675, BOTH],
      ["-1,675", -1.675, -1675, BOTH],
    ];
    for (const [s, de, en, kind] of cases) {
      const v = scanCsvNumber(s, 0, s.length, 59);
      expect([s, v, scanned.alt, scanned.kind, scanned.end]).toEqual([s, de, en, kind, s.length]);
    }
    for (const s of ["", "-", ",5", "5,", "1.2.3", "1 675", "1e3", "12%", "1.5,3", "1234567890123456"]) {
      scanCsvNumber(s, 0, s.length, 59);
      expect([s, scanned.kind]).toEqual([s, NOT_PLAIN]);
    }
    // Stops at the separator.
    expect(scanCsvNumber("1,5;2", 0, 5, 59)).toBe(1.5);
    expect(scanned.end).toBe(3);
  });

  it("gives exactly parseTrimmedNumber's values (property)", () => {
    const text = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.boolean()).map(([neg, n, k, thousands, comma]) => {
      const [whole, frac] = (n / 10 ** k).toFixed(k).split(".");
      const group = thousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? "." : ",") : whole;
      return (neg ? "-" : "") + group + (frac ? (comma ? "," : ".") + frac : "");
    });
    fc.assert(
      fc.property(text, (s) => {
        const v = scanCsvNumber(s, 0, s.length, 9);
        const de = parseTrimmedNumber(s, 44);
        const en = parseTrimmedNumber(s, 46);
        if (scanned.kind === NOT_PLAIN) return;
        expect(Object.is(v, de === de ? de : en)).toBe(true);
        expect(Object.is(scanned.alt, en === en ? en : de)).toBe(true);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

/**
 * Property: random small files in the plain and the German format (quotes, a BOM, CRLF, thousands separators,
 * negative numbers, missing markers, odd cells, unused columns) read the same with the fast path as with the full
 * reader, or fall back to it; files without anything the fast path leaves to the full reader take the fast path.
 */
describe("readCsvColumns: fast path equals the full reader", () => {
  const value = fc.oneof(
    fc.integer({ min: -99_999_999, max: 99_999_999 }).chain((n) => fc.integer({ min: 0, max: 5 }).map((k) => ({ n, k }))),
    fc.integer({ min: -2000, max: 2000 }).map((n) => ({ n, k: 0 })),
  );
  const odd = fc.constantFrom("", ".", "-", "NA", "x", " 2 ", "12%", "1e3", "1 675", "k.A.", "−3", "5.");
  const cell = fc.record({ value, odd: fc.integer({ min: 0, max: 30 }).map((k) => k === 0), oddText: odd });
  const textCell = fc.oneof({ arbitrary: fc.constantFrom("j", "n"), weight: 10 }, { arbitrary: fc.constantFrom("j ", "ä", 'a"b', "a;b", "a,b", ""), weight: 1 });
  const file = fc.record({
    german: fc.boolean(),
    thousands: fc.boolean(),
    quote: fc.constantFrom("none", "none", "text", "all"),
    order: fc.shuffledSubarray(["key", "ok", "a", "b", "u"], { minLength: 5, maxLength: 5 }),
    rows: fc.array(fc.tuple(fc.nat(999), textCell, cell, cell, cell), { minLength: 1, maxLength: 8 }),
    eol: fc.constantFrom("\n", "\r\n"),
    bom: fc.boolean(),
    trailing: fc.boolean(),
    rawQuote: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
  });

  it("on random German and plain files", () => {
    let fastCount = 0;
    fc.assert(
      fc.property(file, (f) => {
        const sep = f.german ? ";" : ",";
        const decimal = f.german ? "," : ".";
        const group = f.german ? "." : ",";
        let clean = true;
        const num = (c: { value: { n: number; k: number }; odd: boolean; oddText: string }): string => {
          if (c.odd) {
            clean = false;
            return c.oddText;
          }
          const [whole, frac] = (Math.abs(c.value.n) / 10 ** c.value.k).toFixed(c.value.k).split(".");
          // Thousands separators only in the German file (in a plain file "," is the separator).
          const w = f.german && f.thousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
          return (c.value.n < 0 ? "-" : "") + w + (frac ? decimal + frac : "");
        };
        const q = (s: string, isText: boolean) => {
          const needs = s.includes(sep) || s.includes('"');
          if (needs) clean = false; // a quote inside a cell, or a separator: quoted below, often left to the full reader
          return f.quote === "all" || (f.quote === "text" && isText) || needs ? `"${s.replace(/"/g, '""')}"` : s;
        };
        const lines = [f.order.map((c) => q(c, true)).join(sep)];
        f.rows.forEach(([k, ok, a, b, u], i) => {
          if (ok.trim() === "") clean = false;
          const cells: Record<string, string> = { key: q(String(k + i * 1000).padStart(4, "0"), true), ok: q(ok, true), a: q(num(a), false), b: q(num(b), false), u: q(num(u), false) };
          if (f.rawQuote && i === 0) {
            cells.ok = 'j"'; // a quote inside an unquoted cell: csv-parse's error
            clean = false;
          }
          lines.push(f.order.map((c) => cells[c]).join(sep));
        });
        const bytes = Buffer.from((f.bom ? "\ufeff" : "") + lines.join(f.eol) + (f.trailing ? f.eol : ""), "utf8");
        const full = read(bytes, "full");
        const auto = read(bytes, "auto");
        // Views of a few lines give the same result as one view of the whole file.
        const fast = fastCsvColumns(bytes, options.text, options.numbers);
        expect(fastCsvColumns(bytes, options.text, options.numbers, 1 + (bytes[3] % 40))).toEqual(fast);
        if (full instanceof Error || auto instanceof Error) {
          expect(auto instanceof Error ? auto.message : "read").toBe(full instanceof Error ? full.message : "read");
          return;
        }
        if (auto.reader === "full") {
          expect(auto).toEqual(full);
          // Only files with something the fast path leaves to the full reader, or a note of the full reader.
          expect(!clean || full.warnings.length > 0).toBe(true);
          return;
        }
        fastCount++;
        expect(full.warnings.filter((w) => !/als Text gelesen/.test(w))).toEqual([]);
        expectSameData(auto, full);
      }),
      { numRuns: 600, seed: 20261205 },
    );
    expect(fastCount).toBeGreaterThan(300);
  });

  it("takes the fast path for a typical German office file (BOM, CRLF, quoted text, thousands dots, decimal comma)", () => {
    const t = '\uFEFF"key";"ok";"a";"b";"Einwohner"\r\n"0101";"gültig";"1,5";-2,25;1.675\r\n"0102";"gültig";"12,75";3;12.345\r\n0103;"ungültig";;4,125;987\r\n';
    const r = readCsvColumns(Buffer.from(t), options);
    expect(r.reader).toBe("fast");
    const d = r.data as Record<string, ArrayLike<unknown>>;
    expect([...(d.key as string[])]).toEqual(["0101", "0102", "0103"]);
    expect([...(d.ok as string[])]).toEqual(["gültig", "gültig", "ungültig"]);
    expect([...(d.a as Float64Array)]).toEqual([1.5, 12.75, NaN]);
    expect([...(d.b as Float64Array)]).toEqual([-2.25, 3, 4.125]);
  });

  it("corrects cells read both ways once a later cell shows the decimal point", () => {
    const r = readCsvColumns(Buffer.from("key,ok,a,b\n01,j,1.675,2\n02,j,2.5,3\n"), options);
    expect(r.reader).toBe("fast");
    expect([...((r.data as Record<string, Float64Array>).a)]).toEqual([1.675, 2.5]);
    const g = readCsvColumns(Buffer.from("key;ok;a;b\n01;j;1.675;2\n02;j;2,5;3\n"), options);
    expect(g.reader).toBe("fast");
    expect([...((g.data as Record<string, Float64Array>).a)]).toEqual([1675, 2.5]);
  });
});
