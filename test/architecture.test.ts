/**
 * The architecture rules of /work/coord/RULES.md, checked on the source: data flows one way (computation never
 * imports presentation or orchestration), no import cycle between files or folders, files under 400 lines, and
 * a curated public API (at most 200 runtime exports of src/index.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fileEdges, findCycles, folderEdges, folderOf, readImportGraph } from "./helpers/importGraph.js";

const SRC = fileURLToPath(new URL("../src", import.meta.url));
const files = readImportGraph(SRC);

/** Folders that compute: they import only each other (and only downstream of the data flow). */
const COMPUTATION = ["io", "table", "inference", "stats", "indicators", "standardize", "classify", "mix", "spatial", "supply", "audit", "analysis", "typology", "network", "sources", "monitoring"];
/** Presentation and orchestration: computation never imports them. */
const PRESENTATION = ["plot", "render", "report", "export", "notebook"];
const ORCHESTRATION = ["pipeline", "cli", "synth", "training"];

/** Files other engineers rewrite this session; to be split at merge. Keep this list short. */
const LONG_FILE_ALLOW_LIST = new Set(["cli/index-command.ts", "spatial/localMoran.ts"]);
const MAX_LINES = 400;
const MAX_RUNTIME_EXPORTS = 200;

describe("architecture", () => {
  it("finds the source files and their imports", () => {
    expect(files.length).toBeGreaterThan(100);
    const moran = files.find((f) => f.path === "spatial/moran.ts");
    expect(moran?.imports.length).toBeGreaterThan(0);
  });

  it("has no import cycle between files", () => {
    expect(findCycles(fileEdges(files)).map((c) => c.join(" → "))).toEqual([]);
  });

  it("has no import cycle between the folders of src/", () => {
    expect(findCycles(folderEdges(files)).map((c) => c.join(" → "))).toEqual([]);
  });

  it("computation imports no presentation or orchestration", () => {
    const upward = files.flatMap((f) =>
      COMPUTATION.includes(folderOf(f.path))
        ? f.imports.filter((i) => [...PRESENTATION, ...ORCHESTRATION].includes(folderOf(i))).map((i) => `${f.path} → ${i}`)
        : [],
    );
    expect(upward).toEqual([]);
  });

  it("presentation imports no orchestration", () => {
    const upward = files.flatMap((f) =>
      PRESENTATION.includes(folderOf(f.path)) ? f.imports.filter((i) => ORCHESTRATION.includes(folderOf(i))).map((i) => `${f.path} → ${i}`) : [],
    );
    expect(upward).toEqual([]);
  });

  it("every folder of src/ is classified", () => {
    const known = new Set([...COMPUTATION, ...PRESENTATION, ...ORCHESTRATION, "adapters", "."]);
    expect([...new Set(files.map((f) => folderOf(f.path)))].filter((d) => !known.has(d))).toEqual([]);
  });

  it(`keeps every file under ${MAX_LINES} lines`, () => {
    const long = files.filter((f) => f.lines > MAX_LINES && !LONG_FILE_ALLOW_LIST.has(f.path)).map((f) => `${f.path} (${f.lines})`);
    expect(long).toEqual([]);
  });

  it(`the barrel names its exports (no export *) and has at most ${MAX_RUNTIME_EXPORTS} runtime exports`, () => {
    const barrel = readFileSync(`${SRC}/index.ts`, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    expect(barrel).not.toMatch(/export\s*\*/);
    const runtime = new Set<string>();
    for (const m of barrel.matchAll(/export\s+\{([^}]*)\}/g)) {
      for (const item of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
        if (!item.startsWith("type ")) runtime.add(item.split(/\s+as\s+/).pop()!);
      }
    }
    expect(runtime.size).toBeGreaterThan(50);
    expect(runtime.size).toBeLessThanOrEqual(MAX_RUNTIME_EXPORTS);
  });
});

describe("import graph helpers", () => {
  it("finds a cycle, and none in a chain", () => {
    const edges = (pairs: Array<[string, string]>) => {
      const m = new Map<string, Set<string>>();
      for (const [a, b] of pairs) m.set(a, (m.get(a) ?? new Set()).add(b));
      return m;
    };
    expect(findCycles(edges([["a", "b"], ["b", "c"]]))).toEqual([]);
    expect(findCycles(edges([["a", "b"], ["b", "c"], ["c", "a"]]))).toEqual([["a", "b", "c", "a"]]);
  });
  it("counts a folder-level cycle even without a file-level one", () => {
    const graph = [
      { path: "x/a.ts", lines: 1, imports: ["y/b.ts"] },
      { path: "y/c.ts", lines: 1, imports: ["x/d.ts"] },
    ];
    expect(findCycles(fileEdges(graph))).toEqual([]);
    expect(findCycles(folderEdges(graph))).toEqual([["x", "y", "x"]]);
  });
});
