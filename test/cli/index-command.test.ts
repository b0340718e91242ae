import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerIndexCommand, runIndexCommand } from "../../src/cli/index-command.js";
import { compositeIndex } from "../../src/classify/index.js";
import { readCsv } from "../../src/io/index.js";
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
    await expect(run([...base, "--indicators", "a,zz"])).rejects.toThrow('column "zz"');
    await expect(run([...base, "--indicators", "a,b", "--valid", "ok"])).rejects.toThrow('index: --valid must look like column=value, got "ok"');
    await expect(run([...base, "--indicators", "a,b", "--indicator-weights", "1"])).rejects.toThrow("index: --indicator-weights has 1 entries but --indicators has 2");
    await expect(run([...base, "--indicators", "a,b", "--directions", "1,2"])).rejects.toThrow('index: --directions entries must be 1 or -1, got "1,2"');
    await expect(run([...base, "--indicators", "a,b", "--mean", "weighted"])).rejects.toThrow("index: --mean weighted needs --weights <column>");
    await expect(run([join(dir, "plain.csv"), "--id", "key", "--indicators", "a", "--scheme", "nope", "--out", "x"])).rejects.toThrow("nope");
    // A ragged row or a text cell leaves the fast path; the full reader names file, row and column.
    writeFileSync(join(dir, "ragged.csv"), "key,a,b\n01,1,2\n02,3\n03,5,6\n");
    await expect(run([join(dir, "ragged.csv"), "--id", "key", "--indicators", "a,b", "--scheme", "berlin-mss-status", "--out", join(dir, "r.csv")])).rejects.toThrow(/row 3: 2 fields, expected 3/);
    writeFileSync(join(dir, "text.csv"), "key,a,b\n01,1,2\n02,viel,4\n03,5,6\n");
    await expect(run([join(dir, "text.csv"), "--id", "key", "--indicators", "a,b", "--scheme", "berlin-mss-status", "--out", join(dir, "t.csv")])).rejects.toThrow(/row 3, column "a": value "viel" is not a number/);
  });
});

describe("sozialraum index on tricky CSV input", () => {
  const opts = { id: "key", indicators: ["a", "b"], scheme: "berlin-mss-status" };
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const both = async (name: string, fast: string | Buffer, full: string | Buffer, extra: object = {}) => {
    const f = await runIndexCommand({ ...opts, ...extra, table: write(`${name}.fast.csv`, fast), out: join(dir, `${name}.fast.out`) });
    const g = await runIndexCommand({ ...opts, ...extra, table: write(`${name}.full.csv`, full), out: join(dir, `${name}.full.out`) });
    expect([f.reader, g.reader]).toEqual(["fast", "full"]);
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
    await expect(runIndexCommand({ ...opts, table: t, out: join(dir, "dup.out") })).rejects.toThrow('compositeIndex: id "01" occurs twice in column "key" (rows 0 and 2)');
  });

  // KNOWN DEFECTS of the fast reader (src/cli/index-command.ts, readPlainNumericCsv), reported to the lead: the
  // fast and the full reader must give the same result. Each `it.fails` passes while the defect is there and
  // fails once it is fixed — then turn it into a plain `it`.
  it.fails("text cells are trimmed like the full reader does (a trailing blank in the --valid column)", async () => {
    const rows = ["01,j ,1.5,10", "02,j ,2.25,12", "03,j ,4,17", "04,j ,0.5,9"];
    const { fastOut, fullOut } = await both("trim", ["key,ok,a,b", ...rows].join("\n"), ['"key",ok,a,b', ...rows].join("\n"), { valid: { column: "ok", value: "j" } });
    expect(fastOut).toBe(fullOut);
  });

  it.fails("a Windows-1252 text cell is not decoded as UTF-8 replacement characters", async () => {
    const rows = "01;g\xfcltig;1.5;10\n02;g\xfcltig;2.25;12\n03;g\xfcltig;4;17\n";
    const { fastOut, fullOut } = await both("cp1252", Buffer.from("key;ok;a;b\n" + rows, "latin1"), Buffer.from('"key";ok;a;b\n' + rows, "latin1"), { valid: { column: "ok", value: "gültig" } });
    expect(fastOut).toBe(fullOut);
  });

  it.fails("a blank line of delimiters is skipped as by the full reader", async () => {
    const rows = ["01,1.5,10", "02,2.25,12", "03,4,17", ",,"];
    const { fastOut, fullOut } = await both("blank", ["key,a,b", ...rows].join("\n"), ['"key",a,b', ...rows].join("\n"));
    expect(fastOut).toBe(fullOut);
  });

  it.fails("old-Mac CR line endings are read, not taken for an empty table", async () => {
    const rows = ["01,1.5,10", "02,2.25,12", "03,4,17"];
    const { fastOut, fullOut } = await both("cr", ["key,a,b", ...rows].join("\r"), ['"key",a,b', ...rows].join("\r"));
    expect(fastOut).toBe(fullOut);
  });

  it.fails("a duplicate column name is an error, as in the full reader", async () => {
    const t = write("dupcol.csv", "key,a,a,b\n01,1,9,2\n02,2,8,3\n03,4,7,1\n");
    await expect(runIndexCommand({ ...opts, table: t, out: join(dir, "dupcol.out") })).rejects.toThrow("duplicate column name");
  });
});

