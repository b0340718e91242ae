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
