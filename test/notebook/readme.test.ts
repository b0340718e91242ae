/** notebooks/README.md lists every notebook with its story, and only notebooks that exist. */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "notebooks");

/** Rows `| \`NN-name.ipynb\` | story |` of the README's table "| notebook | story |". */
function notebookTable(markdown: string): { file: string; story: string }[] {
  const lines = markdown.split("\n");
  const head = lines.findIndex((l) => /^\|\s*notebook\s*\|\s*story\s*\|\s*$/.test(l));
  if (head < 0) throw new Error('notebooks/README.md has no table "| notebook | story |"');
  const rows: { file: string; story: string }[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith("|")) break;
    const m = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!m) throw new Error(`notebooks/README.md: table row not of the form | \`NN-name.ipynb\` | story |: ${line}`);
    rows.push({ file: m[1], story: m[2].trim() });
  }
  return rows;
}

describe("notebooks/README.md table", () => {
  const rows = notebookTable(readFileSync(join(dir, "README.md"), "utf8"));
  const files = readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort();

  it("lists every notebook file, and no notebook that does not exist", () => {
    const listed = rows.map((r) => r.file);
    expect(files.filter((f) => !listed.includes(f)), "notebooks missing from the README table").toEqual([]);
    expect(listed.filter((f) => !files.includes(f)), "README rows without a notebook file").toEqual([]);
  });

  it("lists them once each, in order, each with its story", () => {
    expect(rows.map((r) => r.file)).toEqual([...new Set(rows.map((r) => r.file))].sort());
    for (const r of rows) expect(r.story.length, `story of ${r.file}`).toBeGreaterThan(20);
  });

  it("reads the table rows (and fails on a table that is missing or malformed)", () => {
    const md = "# x\n\n| notebook | story |\n|---|---|\n| `01-a.ipynb` | die Daten |\n| `02-b.ipynb` | Indikatoren |\n\nText";
    expect(notebookTable(md)).toEqual([
      { file: "01-a.ipynb", story: "die Daten" },
      { file: "02-b.ipynb", story: "Indikatoren" },
    ]);
    expect(() => notebookTable("# ohne Tabelle")).toThrow('notebooks/README.md has no table "| notebook | story |"');
    expect(() => notebookTable("| notebook | story |\n|---|---|\n| 01-a.ipynb | ohne Backticks |")).toThrow("table row not of the form");
  });
});
