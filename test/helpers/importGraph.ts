/**
 * A small parser of the import graph of src/: every relative `import … from`, `export … from` and dynamic
 * `import("…")` in a .ts file, resolved to the imported file. Used by test/architecture.test.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export interface SourceFile {
  /** Path relative to src/, with forward slashes, e.g. "mix/dissimilarity.ts". */
  path: string;
  lines: number;
  /** Relative paths (to src/) of the src files this one imports (type-only imports included). */
  imports: string[];
}

const IMPORT_RE = /(?:^|[^\w.$])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Strips comments so that import examples in doc comments are not counted. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

export function readImportGraph(srcDir: string): SourceFile[] {
  const root = resolve(srcDir);
  return walk(root).sort().map((file) => {
    const text = readFileSync(file, "utf8");
    const imports = new Set<string>();
    for (const m of stripComments(text).matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec).replace(/\.js$/, ".ts");
      imports.add(relative(root, target).split("\\").join("/"));
    }
    return {
      path: relative(root, file).split("\\").join("/"),
      lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0),
      imports: [...imports].sort(),
    };
  });
}

/** The folder of a file relative to src/ ("mix/dissimilarity.ts" → "mix"; "index.ts" → "."). */
export function folderOf(path: string): string {
  const i = path.indexOf("/");
  return i < 0 ? "." : path.slice(0, i);
}

/** Every cycle found by depth-first search, each as a list of nodes (first node repeated at the end). */
export function findCycles(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const m of [...(edges.get(n) ?? [])].sort()) {
      const s = state.get(m);
      if (s === 1) cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (s === undefined) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of [...edges.keys()].sort()) if (!state.has(n)) visit(n);
  return cycles;
}

export function fileEdges(files: SourceFile[]): Map<string, Set<string>> {
  return new Map(files.map((f) => [f.path, new Set(f.imports)]));
}

export function folderEdges(files: SourceFile[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const f of files) {
    const from = folderOf(f.path);
    if (from === ".") continue; // the barrel imports everything by design
    const set = edges.get(from) ?? new Set<string>();
    for (const i of f.imports) {
      const to = folderOf(i);
      if (to !== from && to !== ".") set.add(to);
    }
    edges.set(from, set);
  }
  return edges;
}
