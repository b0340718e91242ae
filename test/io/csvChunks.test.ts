/**
 * The fast column reader in chunks (csvChunkEnds, parseCsvChunk, mergeCsvChunks) and on two threads
 * (fastCsvColumnsParallel): cutting the data lines anywhere gives the same columns as reading them in one piece,
 * and that is the full reader's data (or null → the full reader) — the invariant, checked on random files.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvColumnLayout } from "../../src/io/csvColumnLayout.js";
import { csvChunkEnds, fastCsvColumns, mergeCsvChunks } from "../../src/io/fastCsvColumns.js";
import { fastCsvColumnsParallel, readFileShared } from "../../src/io/fastCsvColumnsParallel.js";
import { packCsvChunk, unpackCsvChunk } from "../../src/io/packCsvChunk.js";
import { parseCsvChunk, type CsvChunk } from "../../src/io/parseCsvChunk.js";
import { readCsvColumns, readCsvColumnsParallel } from "../../src/io/readCsvColumns.js";
import { latin1, tmpFile } from "./tmp.js";

const TEXT = ["key", "ok"];
const NUMBERS = ["a", "b"];

/** Reads the data lines cut just after the first "\n" at or after each position in `cuts` (any byte positions). */
function readCut(bytes: Buffer, cuts: number[]) {
  const layout = csvColumnLayout(bytes, TEXT, NUMBERS);
  if (layout === null) return null;
  const ends = [...new Set(cuts.map((c) => Math.max(c, layout.dataStart)).map((c) => {
    const nl = bytes.indexOf(10, c);
    return nl === -1 ? bytes.length : nl + 1;
  }))].sort((x, y) => x - y);
  if (ends[ends.length - 1] !== bytes.length) ends.push(bytes.length);
  const chunks: CsvChunk[] = [];
  let from = layout.dataStart;
  for (const to of ends) {
    if (to <= from && chunks.length > 0) continue;
    const c = parseCsvChunk(bytes, layout, from, to);
    if (c === null) return null;
    chunks.push(c);
    from = to;
  }
  return mergeCsvChunks(layout, chunks);
}

/** Random small files: plain or German numbers (some only read both ways, "1.675"), quotes, BOM, CRLF, … */
const file = fc
  .record({
    german: fc.boolean(),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    trailing: fc.boolean(),
    quoteKeys: fc.boolean(),
    rows: fc.array(
      fc.record({
        ok: fc.oneof(
          { arbitrary: fc.constantFrom("j", "n", "ä", "a b"), weight: 12 },
          { arbitrary: fc.constantFrom('"x""y"', '"zeilen\numbruch"', '"a;b"', "a,b", " "), weight: 1 },
        ),
        a: fc.oneof(
          { arbitrary: fc.record({ n: fc.integer({ min: -99_999, max: 99_999 }), k: fc.integer({ min: 0, max: 3 }) }), weight: 12 },
          { arbitrary: fc.constantFrom("3.5", "3,5", "1.675", "1,675", "12.345,5", "12,345.5", "", "NA", "x"), weight: 1 },
        ),
        b: fc.integer({ min: -5000, max: 5000 }),
        blank: fc.integer({ min: 0, max: 19 }).map((k) => k === 0),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map((f) => {
    const sep = f.german ? ";" : ",";
    const eol = f.crlf ? "\r\n" : "\n";
    const lines = [["key", "ok", "a", "b", "u"].join(sep)];
    f.rows.forEach((r, i) => {
      if (r.blank) lines.push("");
      const key = String(1000 + i);
      let a = typeof r.a === "string" ? r.a : (r.a.n / 10 ** r.a.k).toFixed(r.a.k);
      if (f.german && typeof r.a !== "string") a = a.replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/, ".");
      lines.push([f.quoteKeys ? `"${key}"` : key, r.ok, a, String(r.b), f.german ? "1.234" : "7"].join(sep));
    });
    return Buffer.from((f.bom ? "\ufeff" : "") + lines.join(eol) + (f.trailing ? eol : ""), "utf8");
  });

describe("fast column reader in chunks", () => {
  it("gives the same columns for any cut of the data lines, and the full reader's data or null (property)", () => {
    let fast = 0;
    let cutInsideQuotes = 0;
    fc.assert(
      fc.property(file, fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 64 }), (bytes, cuts, chunkBytes) => {
        const whole = fastCsvColumns(bytes, TEXT, NUMBERS, Number.MAX_SAFE_INTEGER);
        const positions = cuts.map((c) => c % (bytes.length + 1));
        expect(readCut(bytes, positions)).toEqual(whole);
        expect(fastCsvColumns(bytes, TEXT, NUMBERS, chunkBytes)).toEqual(whole);
        if (positions.some((p) => bytes.subarray(0, p).toString("latin1").split('"').length % 2 === 0)) cutInsideQuotes++;
        const auto = read(bytes, "auto");
        const full = read(bytes, "full");
        if (whole === null) return;
        fast++;
        if (full instanceof Error || auto instanceof Error) throw new Error("the fast path read a file the full reader refuses");
        expect(auto.reader).toBe("fast");
        const rows = full.data as Record<string, unknown>[];
        expect(whole.key).toEqual(rows.map((r) => r.key));
        expect(whole.ok).toEqual(rows.map((r) => r.ok));
      }),
      { numRuns: 800, seed: 20261205 },
    );
    // Both kinds of file occur: read fast, and left to the full reader (e.g. a cut inside a quoted line break).
    expect(fast).toBeGreaterThan(100);
    expect(cutInsideQuotes).toBeGreaterThan(10);
  });

  it("falls back when a quoted field holds a line break, wherever the cut is", () => {
    const bytes = Buffer.from('key;ok;a;b\n1;"zwei\nZeilen";1,5;2\n2;j;2,5;3\n');
    for (let c = 0; c <= bytes.length; c++) expect(readCut(bytes, [c])).toBeNull();
    const r = readCsvColumns(bytes, { file: "t.csv", text: TEXT, numbers: NUMBERS });
    expect([r.reader, (r.data as Record<string, unknown>[])[0].ok]).toEqual(["full", "zwei\nZeilen"]);
  });

  it("reads BOM, CRLF and a last line without line end in any cut", () => {
    const bytes = Buffer.from('\ufeff"key";"ok";"a";"b"\r\n"01";j;1,5;2\r\n"02";n;-3;4\r\n"03";j;7;8', "utf8");
    const want = { key: ["01", "02", "03"], ok: ["j", "n", "j"], a: new Float64Array([1.5, -3, 7]), b: new Float64Array([2, 4, 8]) };
    for (let c = 0; c <= bytes.length; c++) expect(readCut(bytes, [c])).toEqual(want);
  });

  it("decides the decimal mark over all chunks: a later chunk corrects cells read both ways, a conflict falls back", () => {
    const lines = (cells: string[]) => Buffer.from(["key,ok,a,b", ...cells.map((a, i) => `${i},j,${a},1`)].join("\n") + "\n");
    const cutAfterLine = (bytes: Buffer, line: number) => {
      let p = 0;
      for (let k = 0; k < line; k++) p = bytes.indexOf(10, p) + 1;
      return p;
    };
    // "1.675" alone reads both ways; the decimal point in the second chunk decides.
    const both = lines(["1.675", "2.5"]);
    expect(readCut(both, [cutAfterLine(both, 2)])?.a).toEqual(new Float64Array([1.675, 2.5]));
    const german = Buffer.from("key;ok;a;b\n0;j;1.675;1\n1;j;2,5;1\n");
    expect(readCut(german, [cutAfterLine(german, 2)])?.a).toEqual(new Float64Array([1675, 2.5]));
    // Decimal point in the first chunk, decimal comma (quoted, as a plain file must) in the second: the full reader's error.
    const mixed = lines(["2.5", '"2,5"']);
    expect(readCut(mixed, [cutAfterLine(mixed, 2)])).toBeNull();
    expect(fastCsvColumns(mixed, TEXT, NUMBERS)).toBeNull();
    // Only cells read both ways in every chunk: the full reader reads them as thousands, with a note.
    const undecided = lines(["1.675", "2.500"]);
    expect(readCut(undecided, [cutAfterLine(undecided, 2)])).toBeNull();
  });

  it("csvChunkEnds cuts just after a line end, at least one chunk", () => {
    expect(csvChunkEnds(Buffer.from("a\nbb\nc"), 0, 2)).toEqual([2, 5, 6]);
    expect(csvChunkEnds(Buffer.from("a\nbb\n"), 2, 100)).toEqual([5]);
    expect(csvChunkEnds(Buffer.from("a\n"), 2, 4)).toEqual([2]);
  });

  it("packs and unpacks text columns unchanged, runs of equal cells sent once (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("", "a", "ä", "gültig", "ungültig", "😀", "x y"), { maxLength: 30 }), (col) => {
        const chunk: CsvChunk = { rows: col.length, num: [null], str: [[...col]], mark: -2, bothSeen: false, pendingCells: [], pendingAlt: [] };
        const packed = packCsvChunk(chunk);
        expect(chunk.str[0]).toBeNull();
        // A cell equal to the one before is sent once (the text holds each run of equal cells once).
        expect(packed[0]!.text).toBe(col.filter((c, r) => r === 0 || c !== col[r - 1]).join(""));
        unpackCsvChunk(chunk, packed);
        expect(chunk.str[0]).toEqual(col);
      }),
      { seed: 7 },
    );
  });
});

describe("fastCsvColumnsParallel", () => {
  it("gives fastCsvColumns' columns (from TypeScript sources: every chunk on this thread)", async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 64 }), async (bytes, chunkBytes) => {
        const stats = { byWorker: -1 };
        const got = await fastCsvColumnsParallel(bytes, TEXT, NUMBERS, { chunkBytes, minParallelBytes: 0, stats });
        expect(got).toEqual(fastCsvColumns(bytes, TEXT, NUMBERS));
        if (got !== null) expect(stats.byWorker).toBe(0);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it("reads a file into shared memory; the full reader copes with shared bytes (Windows-1252)", async () => {
    const path = tmpFile("shared.csv", latin1("key;ok;a;b\n01;Straße;1,5;2\n02;ä;2;3\n"));
    const bytes = readFileShared(path);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const r = await readCsvColumnsParallel(bytes, { file: path, text: TEXT, numbers: NUMBERS });
    expect(r.reader).toBe("full");
    expect((r.data as Record<string, unknown>[]).map((row) => row.ok)).toEqual(["Straße", "ä"]);
  });
});

/**
 * The reader's files compiled to JavaScript in a temp folder (`ts.transpileModule`, as tsc emits them), so that
 * fastCsvColumnsParallel finds its compiled worker and really uses a second thread.
 */
async function compiledParallel(): Promise<typeof import("../../src/io/fastCsvColumnsParallel.js")> {
  const dir = join(mkdtempSync(join(tmpdir(), "sozialraum-chunks-")), "io");
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), '{"type":"module"}');
  const files = ["fastCsvColumnsParallel", "fastCsvColumns", "fastCsvChunkWorker", "parseCsvChunk", "packCsvChunk", "csvColumnLayout", "missingMarkers", "scanCsvNumber", "parseGermanNumber"];
  for (const f of files) {
    const source = readFileSync(new URL(`../../src/io/${f}.ts`, import.meta.url), "utf8");
    const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(dir, `${f}.js`), out.outputText);
  }
  return import(pathToFileURL(join(dir, "fastCsvColumnsParallel.js")).href);
}

describe("fastCsvColumnsParallel on a worker thread", () => {
  it("gives fastCsvColumns' columns whichever thread reads which chunk (German file, 4 000 rows, chunks of 2 KiB)", async () => {
    const { fastCsvColumnsParallel: parallel } = await compiledParallel();
    const lines = ['\ufeff"key";"ok";"a";"b";"u"'];
    for (let i = 0; i < 4000; i++) lines.push(`"${String(i).padStart(6, "0")}";${i % 97 === 0 ? "nein" : "gültig"};${(i * 7.125).toFixed(3).replace(".", ",")};${i % 5 === 0 ? "" : -i};1.234`);
    const bytes = Buffer.from(lines.join("\r\n") + "\r\n", "utf8");
    const want = fastCsvColumns(bytes, TEXT, NUMBERS);
    expect(want).not.toBeNull();
    // This thread reads at most 0, 1, 5 chunks or any number (then the worker may take none on a busy machine).
    for (const maxChunksHere of [0, 1, 5, undefined]) {
      const stats = { byWorker: -1 };
      const got = await parallel(Uint8Array.from(bytes), TEXT, NUMBERS, { chunkBytes: 2048, minParallelBytes: 0, maxChunksHere, stats });
      expect(got).toEqual(want);
      if (maxChunksHere !== undefined) expect(stats.byWorker).toBeGreaterThan(0);
    }
    // A file the fast path cannot read (a quoted line break near the end): null, from whichever thread met it.
    const broken = Buffer.from(lines.join("\r\n") + '\r\n"x";"zwei\r\nZeilen";1;2;3\r\n', "utf8");
    for (const maxChunksHere of [0, undefined]) expect(await parallel(broken, TEXT, NUMBERS, { chunkBytes: 2048, minParallelBytes: 0, maxChunksHere })).toBeNull();
  });
});

function read(bytes: Buffer, reader: "auto" | "full") {
  try {
    return readCsvColumns(bytes, { file: "t.csv", text: TEXT, numbers: NUMBERS, reader });
  } catch (e) {
    return e as Error;
  }
}

describe("readFileShared", () => {
  it("reads a regular file and a pipe into shared memory", () => {
    const path = tmpFile("pipe.csv", "key,ok,a,b\n1,j,2,3\n");
    expect(Buffer.from(readFileShared(path)).toString()).toBe("key,ok,a,b\n1,j,2,3\n");
    // Files whose size is not known beforehand (a pipe, /proc) are read as usual, then copied into shared memory.
    if (process.platform === "linux") {
      const b = readFileShared("/proc/version");
      expect(b.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(b).toString()).toBe(readFileSync("/proc/version", "utf8"));
    }
  });
});
