import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { registerIndexCommand, runIndexCommand } from "../../src/cli/index-command.js";
import { readCsvColumns } from "../../src/io/readCsvColumns.js";
import { compositeIndex } from "../../src/classify/index.js";
import { readCsv } from "../../src/io/index.js";
import { Missing } from "../../src/table/missing.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sozialraum-index-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs `sozialraum index …` in-process on a fresh program; returns what it printed. */
async function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  const program = new Command("sozialraum").exitOverride();
  registerIndexCommand(program);
  try {
    await program.parseAsync(["index", ...args], { from: "user" });
  } finally {
    vi.restoreAllMocks();
  }
  return { stdout, stderr };
}

function readOut(file: string): string[][] {
  return readFileSync(file, "utf8").trimEnd().split("\n").map((l) => l.split(","));
}

describeShared("sozialraum index on Berlin MSS 2021", () => {
  const input = sharedPath("berlin-mss-2021", "mss_2021_index_indikatoren.csv");
  it("reproduces the publisher's status and dynamic class of all 536 valid Planungsräume", async () => {
    const published = new Map(readCsv(sharedPath("berlin-mss-2021", "mss_2021_indizes.csv"), { id: "PLR_ID" }).rows.map((r) => [r.PLR_ID as string, r]));
    for (const [scheme, cols, column] of [
      ["berlin-mss-status", "S1,S3,S4", "SI_V"],
      ["berlin-mss-dynamic", "D1,D3,D4", "DI_V"],
    ] as const) {
      const out = join(dir, `${scheme}.csv`);
      const { stdout, stderr } = await run([input, "--id", "PLR_ID", "--indicators", cols, "--valid", "KOM=gültig", "--scheme", scheme, "--out", out]);
      const rows = readOut(out);
      expect(rows[0]).toEqual(["id", "sum", "index", "class"]);
      expect(rows).toHaveLength(537);
      let equal = 0;
      for (const [id, , , cls] of rows.slice(1)) if (published.get(id)![column] === cls) equal++;
      expect(equal).toBe(536);
      expect(stderr).toContain("sozialraum index: 6 Gebiete ausgeschlossen:\n  03300515: KOM ist \"ungültig (EW unter 300)\", nicht \"gültig\"");
      expect(stderr).toContain('  10100205: KOM ist "ungültig (Ausreißer)", nicht "gültig"');
      expect(stdout).toMatch(/^536 Gebiete nach .* geschrieben \(/);
    }
    expect(readFileSync(join(dir, "berlin-mss-status.csv"), "utf8").split("\n")[1]).toBe("01100101,-0.968502822742524,-0.3276982839607828,mittel");
  });
});

describe("sozialraum index", () => {
  // 6 areas, plain numeric CSV (fast reader) and the same table quoted, German style (full reader).
  const plain = ["key,ok,a,b", "0101,j,1.5,10", "0102,j,2.25,12", "0103,n,99,99", "0104,j,,11", "0105,j,4,17.125", "0106,j,0.5,9"].join("\n") + "\n";
  const german = ['"key";"ok";"a";"b"', '"0101";"j";"1,5";"10"', '"0102";"j";"2,25";"12"', '"0103";"n";"99";"99"', '"0104";"j";".";"11"', '"0105";"j";"4";"17,125"', '"0106";"j";"0,5";"9"'].join("\r\n");

  it("gives identical bytes from the fast and the full reader, and the index of compositeIndex unrounded", async () => {
    writeFileSync(join(dir, "plain.csv"), plain);
    writeFileSync(join(dir, "german.csv"), "\uFEFF" + german);
    const opts = { id: "key", indicators: ["a", "b"], valid: { column: "ok", value: "j" }, scheme: "berlin-mss-status" };
    const fast = await runIndexCommand({ ...opts, table: join(dir, "plain.csv"), out: join(dir, "fast.out.csv") });
    const full = await runIndexCommand({ ...opts, table: join(dir, "german.csv"), out: join(dir, "full.out.csv") });
    expect(fast.reader).toBe("fast");
    expect(full.reader).toBe("full");
    expect(readFileSync(join(dir, "full.out.csv"), "utf8")).toBe(readFileSync(join(dir, "fast.out.csv"), "utf8"));
    expect(fast.result.excluded).toEqual([
      { id: "0103", reason: 'ok ist "n", nicht "j"', step: "compositeIndex", column: "ok" },
      { id: "0104", reason: "fehlender Wert in a", step: "compositeIndex", column: "a" },
    ]);
    expect(full.result.excluded[1].reason).toBe('fehlender Wert in a (".")');
    const lib = compositeIndex(
      [
        { key: "0101", a: 1.5, b: 10 }, { key: "0102", a: 2.25, b: 12 }, { key: "0105", a: 4, b: 17.125 }, { key: "0106", a: 0.5, b: 9 },
      ],
      { id: "key", indicators: ["a", "b"] },
    );
    const rows = readOut(join(dir, "fast.out.csv")).slice(1);
    expect(rows.map((r) => r[0])).toEqual(["0101", "0102", "0105", "0106"]);
    rows.forEach((r, k) => {
      expect(Number(r[1])).toBe(lib.areas[k].sum);
      expect(Number(r[2])).toBe(lib.areas[k].index);
    });
  });

  it("applies indicator weights, directions and weighted standardisation from the flags", async () => {
    writeFileSync(join(dir, "w.csv"), "id,x,y,ew\n1,3,7,100\n2,5,1,300\n3,4,2,200\n4,9,8,50\n");
    const out = join(dir, "w.out.csv");
    await run([join(dir, "w.csv"), "--id", "id", "--indicators", "x,y", "--indicator-weights", "2,1", "--directions", "1,-1", "--mean", "weighted", "--sd", "sample", "--weights", "ew", "--scheme", "berlin-mss-dynamic", "--out", out]);
    const lib = compositeIndex(
      [{ id: "1", x: 3, y: 7, ew: 100 }, { id: "2", x: 5, y: 1, ew: 300 }, { id: "3", x: 4, y: 2, ew: 200 }, { id: "4", x: 9, y: 8, ew: 50 }],
      { id: "id", indicators: [{ column: "x", weight: 2 }, { column: "y", direction: -1 }], mean: "weighted", sd: "sample", weights: "ew" },
    );
    readOut(out).slice(1).forEach((r, k) => expect(Number(r[2])).toBe(lib.areas[k].index));
  });

  it("fast path handles CRLF, semicolons, exponents, long decimals and a byte-order mark like the full reader", async () => {
    const t = "\uFEFFid;v;w\r\nä1;1e-3;0.12345678901234567\r\n02;-2.5;3\r\n03;+7;0.000000000000000000000000123\r\n";
    writeFileSync(join(dir, "e.csv"), t);
    const r = await runIndexCommand({ table: join(dir, "e.csv"), id: "id", indicators: ["v", "w"], scheme: "berlin-mss-status", out: join(dir, "e.out.csv") });
    expect(r.reader).toBe("fast");
    const lib = compositeIndex({ id: ["ä1", "02", "03"], v: [0.001, -2.5, 7], w: [0.12345678901234567, 3, 1.23e-25] }, { id: "id", indicators: ["v", "w"] });
    expect(Array.from(r.result.columns.index)).toEqual(lib.areas.map((a) => a.index));
    expect(readFileSync(join(dir, "e.out.csv"), "utf8").split("\n")[1].startsWith("ä1,")).toBe(true);
  });

  it("reports errors clearly", async () => {
    writeFileSync(join(dir, "plain.csv"), plain);
    const base = [join(dir, "plain.csv"), "--id", "key", "--scheme", "berlin-mss-status", "--out", join(dir, "x.csv")];
    await expect(run([...base, "--indicators", "a,zz"])).rejects.toThrow('Spalte "zz"');
    await expect(run([...base, "--indicators", "a,b", "--valid", "ok"])).rejects.toThrow('index: --valid muss die Form spalte=wert haben, angegeben ist "ok"');
    await expect(run([...base, "--indicators", "a,b", "--indicator-weights", "1"])).rejects.toThrow("index: --indicator-weights hat 1 Einträge, --indicators aber 2");
    await expect(run([...base, "--indicators", "a,b", "--directions", "1,2"])).rejects.toThrow('index: --directions: Einträge müssen 1 oder -1 sein, angegeben ist "1,2"');
    await expect(run([...base, "--indicators", "a,b", "--mean", "weighted"])).rejects.toThrow("index: --mean weighted braucht --weights <spalte>");
    await expect(run([join(dir, "plain.csv"), "--id", "key", "--indicators", "a", "--scheme", "nope", "--out", "x"])).rejects.toThrow("nope");
    // A ragged row or a text cell leaves the fast path; the full reader names file, row and column.
    writeFileSync(join(dir, "ragged.csv"), "key,a,b\n01,1,2\n02,3\n03,5,6\n");
    await expect(run([join(dir, "ragged.csv"), "--id", "key", "--indicators", "a,b", "--scheme", "berlin-mss-status", "--out", join(dir, "r.csv")])).rejects.toThrow(/Zeile 3: 2 Felder, erwartet 3/);
    writeFileSync(join(dir, "text.csv"), "key,a,b\n01,1,2\n02,viel,4\n03,5,6\n");
    await expect(run([join(dir, "text.csv"), "--id", "key", "--indicators", "a,b", "--scheme", "berlin-mss-status", "--out", join(dir, "t.csv")])).rejects.toThrow(/Zeile 3, Spalte "a": Wert "viel" ist keine Zahl/);
  });
});

describe("sozialraum index on tricky CSV input", () => {
  const opts = { id: "key", indicators: ["a", "b"], scheme: "berlin-mss-status" };
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const both = async (name: string, fast: string | Buffer, full: string | Buffer, extra: object = {}, fastReader: "fast" | "full" = "fast") => {
    const f = await runIndexCommand({ ...opts, ...extra, table: write(`${name}.fast.csv`, fast), out: join(dir, `${name}.fast.out`) });
    const g = await runIndexCommand({ ...opts, ...extra, table: write(`${name}.full.csv`, full), out: join(dir, `${name}.full.out`), reader: "full" });
    expect([f.reader, g.reader]).toEqual([fastReader, "full"]);
    return { f, g, fastOut: readFileSync(join(dir, `${name}.fast.out`), "utf8"), fullOut: readFileSync(join(dir, `${name}.full.out`), "utf8") };
  };

  it("a --valid value with spaces and parentheses, CRLF, a BOM, no trailing newline and an empty cell", async () => {
    const body = ["01;ungültig (EW unter 300);1.5;10", "02;gültig;2.25;12", "03;gültig;;17", "04;gültig;4;9", "05;gültig;0.5;11", "06;ungültig (EW unter 300);3;12"];
    const fast = "\uFEFF" + ["key;ok;a;b", ...body].join("\r\n");
    const full = "\uFEFF" + ['"key";ok;a;b', ...body].join("\r\n");
    const { f, fastOut, fullOut } = await both("valid", fast, full, { valid: { column: "ok", value: "gültig" } });
    expect(fastOut).toBe(fullOut);
    expect(f.result.n).toBe(3);
    expect(f.result.excluded).toEqual([
      { id: "01", reason: 'ok ist "ungültig (EW unter 300)", nicht "gültig"', step: "compositeIndex", column: "ok" },
      { id: "03", reason: "fehlender Wert in a", step: "compositeIndex", column: "a" },
      { id: "06", reason: 'ok ist "ungültig (EW unter 300)", nicht "gültig"', step: "compositeIndex", column: "ok" },
    ]);
    // The value itself may hold blanks and parentheses (the CLI splits --valid at the first "=" only).
    const spaced = await both("valid2", fast, full, { valid: { column: "ok", value: "ungültig (EW unter 300)" } });
    expect(spaced.fastOut).toBe(spaced.fullOut);
    expect(spaced.f.result.columns.id.filter((_, i) => spaced.f.result.columns.valid[i] === 1)).toEqual(["01", "06"]);
  });

  it("duplicate area ids are an error naming both rows", async () => {
    const t = write("dup.csv", "key,a,b\n01,1,2\n02,2,3\n01,4,1\n");
    await expect(runIndexCommand({ ...opts, table: t, out: join(dir, "dup.out") })).rejects.toThrow('compositeIndex: Kennung "01" kommt in Spalte "key" doppelt vor (Zeilen 1 und 3)');
  });

  // The fast reader gives the full reader's result or leaves the file to it (formerly known defects, one test each).
  it("text cells are trimmed like the full reader does (a trailing blank in the --valid column), on the fast path", async () => {
    const rows = ["01,j ,1.5,10", "02, j,2.25,12", "03,j ,4,17", "04,\tj,0.5,9", "05,n ,3,3"];
    const { f, fastOut, fullOut } = await both("trim", ["key,ok,a,b", ...rows].join("\n"), ['"key",ok,a,b', ...rows].join("\n"), { valid: { column: "ok", value: "j" } });
    expect(fastOut).toBe(fullOut);
    expect(f.result.n).toBe(4);
    expect(f.result.excluded).toEqual([{ id: "05", reason: 'ok ist "n", nicht "j"', step: "compositeIndex", column: "ok" }]);
  });

  it("a Windows-1252 file is left to the full reader, which decodes it (not as UTF-8 replacement characters)", async () => {
    const rows = "01;g\xfcltig;1.5;10\n02;g\xfcltig;2.25;12\n03;g\xfcltig;4;17\n04;ung\xfcltig;4;17\n";
    const { f, fastOut, fullOut } = await both("cp1252", Buffer.from("key;ok;a;b\n" + rows, "latin1"), Buffer.from('"key";ok;a;b\n' + rows, "latin1"), { valid: { column: "ok", value: "gültig" } }, "full");
    expect(fastOut).toBe(fullOut);
    expect(f.result.n).toBe(3);
    expect(f.warnings[0]).toMatch(/ist kein gültiges UTF-8 \(Zeile 2: Byte 0xFC an Position 15\); als Windows-1252 gelesen$/);
  });

  it("a blank line of delimiters is skipped as by the full reader", async () => {
    const rows = ["01,1.5,10", "02,2.25,12", ",,", "03,4,17", ",,"];
    const { f, fastOut, fullOut } = await both("blank", ["key,a,b", ...rows].join("\n"), ['"key",a,b', ...rows].join("\n"), {}, "full");
    expect(fastOut).toBe(fullOut);
    expect(f.result.n).toBe(3);
    expect(f.warnings).toEqual([expect.stringMatching(/: 2 leere Zeilen übersprungen$/)]);
  });

  it("old-Mac CR line endings are read, not taken for an empty table", async () => {
    const rows = ["01,1.5,10", "02,2.25,12", "03,4,17"];
    const { f, fastOut, fullOut } = await both("cr", ["key,a,b", ...rows].join("\r"), ['"key",a,b', ...rows].join("\r"), {}, "full");
    expect(fastOut).toBe(fullOut);
    expect(f.result.n).toBe(3);
  });

  it("a duplicate column name is an error, as in the full reader", async () => {
    const t = write("dupcol.csv", "key,a,a,b\n01,1,9,2\n02,2,8,3\n03,4,7,1\n");
    await expect(runIndexCommand({ ...opts, table: t, out: join(dir, "dupcol.out") })).rejects.toThrow('Zeile 1, Spalte "a": doppelter Spaltenname (Spalten 2 und 3)');
  });

  it("decimal marks are judged over every column, as the full reader does", async () => {
    const read = (content: string, numbers = ["a", "b"]) => readCsvColumns(Buffer.from(content), { file: "t.csv", text: ["key"], numbers });
    // Only "1.675"-like cells: the full reader takes the German reading (1675) with a note → full reader.
    const german = read("key;a;b\n01;1.675;2\n02;2.5;3\n".replace("2.5", "2"));
    expect(german.reader).toBe("full");
    expect((german.data as Array<Record<string, unknown>>)[0].a).toBe(1675);
    // One cell only a decimal point reads, even in a column the command does not use: "." for all → fast.
    const english = read("key;a;b;u\n01;1.675;2;0.5\n02;2;3;x\n");
    expect(english.reader).toBe("fast");
    expect((english.data as Record<string, Float64Array>).a[0]).toBe(1.675);
    // A decimal comma in an unused column: the full reader stops at mixed decimal marks.
    expect(() => read("key;a;b;u\n01;1.5;2;9,7\n02;2;3;1\n")).toThrow(/mixed|decimal/);
    // Blanks, a percent sign, an exponent and -0 go through the full reader's number parser on the fast path.
    const odd = read("key;a;b\n01; 1.5 ;-0\n02;12%;1E-2\n03;12345678901234567.5;+.5\n");
    expect(odd.reader).toBe("fast");
    const { a, b } = odd.data as Record<string, Float64Array>;
    expect([...a]).toEqual([1.5, 12, 12345678901234568]);
    expect(Object.is(b[0], 0)).toBe(true);
    expect([...b].slice(1)).toEqual([0.01, 0.5]);
  });
});

/**
 * Property: for random small CSV files (numbers in many spellings, blanks, quotes, CRLF/CR, empty cells, missing
 * markers, a BOM, Windows-1252 bytes, unused columns), the fast path either gives exactly the full reader's data
 * or leaves the file to it; so `readCsvColumns` in "auto" mode gives the full reader's data, error and notes.
 */
describe("fast and full reader agree", () => {
  const rarely = fc.integer({ min: 0, max: 7 }).map((k) => k === 0);
  const plainNumber = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => String(x)),
    fc.integer({ min: -2000, max: 2000 }).map(String),
    fc.integer({ min: -99999, max: 99999 }).map((k) => (k / 100).toFixed(2)),
    fc.constantFrom("1.5", "-0", "+7", ".5", "0.125", "1.675", "1e3", "1E-2", "12345678901234567", "0.1234567890123456789"),
  );
  const oddNumber = fc.constantFrom("5.", "-0.125", "1.234.567", "1,5", "12%", " 2 ", "2 ", "", ".", "-", "NA", "x", "1 675", "\u00a02", "−3", "1e400");
  const numberCell = fc.oneof({ arbitrary: plainNumber, weight: 20 }, { arbitrary: oddNumber, weight: 1 });
  const textCell = fc.oneof(
    { arbitrary: fc.constantFrom("j", "n", "ä", "g\u00fcltig", "a b", "0101", "NA", "."), weight: 12 },
    { arbitrary: fc.constantFrom("j ", " j", "", "j\u00a0", "\tn"), weight: 1 },
  );
  const unusedCell = fc.oneof(
    { arbitrary: numberCell, weight: 6 },
    { arbitrary: textCell, weight: 6 },
    { arbitrary: fc.constantFrom("9,7", "1.234,5", "z.B.", "Müller, Hans", "1.675"), weight: 1 },
  );
  const file = fc.record({
    sep: fc.constantFrom(",", ";", "\t"),
    order: fc.shuffledSubarray(["key", "ok", "a", "b", "u"], { minLength: 5, maxLength: 5 }),
    rows: fc.array(fc.tuple(fc.nat(999), textCell, numberCell, numberCell, unusedCell), { minLength: 1, maxLength: 6 }),
    eol: fc.constantFrom("\n", "\r\n", "\n", "\r\n", "\r"),
    bom: fc.boolean(),
    trailing: fc.boolean(),
    blankLine: rarely,
    quote: rarely,
    latin1: rarely,
    dupHeader: rarely,
  });

  it("readCsvColumns gives the full reader's data, error and notes (fast path or fallback)", () => {
    fc.assert(
      fc.property(file, (f) => {
        const header = f.order.map((c) => (f.dupHeader && c === "u" ? "a" : c));
        const lines = [header.join(f.sep)];
        f.rows.forEach(([k, ok, a, b, u], i) => {
          const cells: Record<string, string> = { key: String(k + i * 1000).padStart(4, "0"), ok, a, b, u };
          lines.push(f.order.map((c) => (f.quote && i === 0 && c === "key" ? `"${cells[c]}"` : cells[c])).join(f.sep));
        });
        if (f.blankLine) lines.splice(2, 0, "");
        const body = (f.bom ? "\ufeff" : "") + lines.join(f.eol) + (f.trailing ? f.eol : "");
        const bytes = f.latin1 ? Buffer.from(body.replace("\ufeff", "").replace("−", "-"), "latin1") : Buffer.from(body, "utf8");
        const options = { file: "t.csv", text: ["key", "ok"], numbers: ["a", "b"] };
        let full: ReturnType<typeof readCsvColumns> | Error;
        let auto: ReturnType<typeof readCsvColumns> | Error;
        try {
          full = readCsvColumns(bytes, { ...options, reader: "full" });
        } catch (e) {
          full = e as Error;
        }
        try {
          auto = readCsvColumns(bytes, options);
        } catch (e) {
          auto = e as Error;
        }
        if (full instanceof Error || auto instanceof Error) {
          expect(auto instanceof Error ? auto.message : "read").toBe(full instanceof Error ? full.message : "read");
          return;
        }
        if (auto.reader === "full") {
          expect(auto).toEqual(full);
          return;
        }
        // The fast path: same columns, values (an empty number cell is NaN there, missing("") in the rows) and no notes.
        expect(full.warnings.filter((w) => !/als Text gelesen/.test(w))).toEqual([]);
        const rows = full.data as Array<Record<string, unknown>>;
        const cols = auto.data as Record<string, ArrayLike<unknown>>;
        for (const c of ["key", "ok", "a", "b"]) {
          expect(cols[c].length).toBe(rows.length);
          rows.forEach((row, i) => {
            const v = row[c];
            expect(Object.is(cols[c][i], v instanceof Missing && v.marker === "" ? NaN : v)).toBe(true);
          });
        }
        // And the same index (or the same error).
        const index = (data: unknown) => {
          try {
            return compositeIndex(data as Parameters<typeof compositeIndex>[0], { id: "key", indicators: ["a", "b"], valid: { column: "ok", value: "j" } });
          } catch (e) {
            return (e as Error).message;
          }
        };
        expect(index(auto.data)).toEqual(index(full.data));
      }),
      { numRuns: 400, seed: 20240611 },
    );
  });
});
