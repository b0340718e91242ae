import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { cleanNotebook, hasOutputs } from "../../scripts/clean-notebooks.mjs";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "notebooks");
const notebooks = readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort();

describe("notebooks/ conventions", () => {
  it("has notebooks", () => expect(notebooks.length).toBeGreaterThan(0));

  for (const file of notebooks) {
    describe(file, () => {
      const nb = JSON.parse(readFileSync(join(dir, file), "utf8"));
      it("is numbered NN-name.ipynb and uses the tslab kernel", () => {
        expect(file).toMatch(/^\d{2}-[a-z0-9-]+\.ipynb$/);
        expect(nb.nbformat).toBe(4);
        expect(nb.metadata.kernelspec.name).toBe("tslab");
      });
      it("is committed without outputs (clean it: node scripts/clean-notebooks.mjs)", () => {
        expect(hasOutputs(nb)).toBe(false);
      });
      it("imports the built library by package name, never ../src", () => {
        const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code").map((c: { source: string[] }) => c.source.join("")).join("\n");
        expect(code).not.toMatch(/from\s+["'](\.\.\/)+src\//);
      });
    });
  }
});

describe("clean-notebooks", () => {
  it("strips outputs and execution counts and keeps the source", () => {
    const nb = {
      cells: [
        { cell_type: "code", execution_count: 3, metadata: { scrolled: true, tags: ["x"] }, outputs: [{ output_type: "stream", name: "stdout", text: ["1\n"] }], source: ["1"] },
        { cell_type: "markdown", metadata: {}, source: ["# Titel"] },
      ],
      metadata: { kernelspec: { name: "tslab" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    expect(hasOutputs(nb)).toBe(true);
    const clean = cleanNotebook(nb);
    expect(hasOutputs(clean)).toBe(false);
    expect(clean.cells[0]).toEqual({ cell_type: "code", execution_count: null, metadata: { tags: ["x"] }, outputs: [], source: ["1"] });
    expect(clean.cells[1]).toEqual(nb.cells[1]);
    expect(nb.cells[0].outputs).toHaveLength(1); // input not modified
  });
});
