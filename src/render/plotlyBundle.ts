import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Where the plotly.js bundle to inline comes from, in order of preference. plotly.js-dist 4 ships only the
 * unminified bundle (10 MB); plotly.js-dist-min ships the same version minified (4.8 MB).
 */
const CANDIDATES = ["plotly.js-dist-min/plotly.min.js", "plotly.js-dist/plotly.min.js", "plotly.js-dist/plotly.js"];

let cached: { path: string; source: string } | undefined;

/** File path of the plotly.js bundle that the HTML output inlines (resolved from node_modules at run time). */
export function plotlyBundlePath(): string {
  for (const c of CANDIDATES) {
    try {
      return require.resolve(c);
    } catch {
      // try the next candidate
    }
  }
  throw new Error(`plotlyBundlePath: keines von ${CANDIDATES.join(", ")} ist installiert (npm ci ausführen)`);
}

/**
 * The plotly.js bundle source, read once per process. It is inlined into every HTML page, so reports work
 * offline and never load a script from a CDN.
 */
export function plotlyBundleSource(): string {
  if (!cached) {
    const path = plotlyBundlePath();
    const source = readFileSync(path, "utf8");
    cached = { path, source: source.replace(/<\/(script)/gi, "<\\/$1") };
  }
  return cached.source;
}

/** The plotly.js version of the inlined bundle (from its header comment), e.g. "4.1.1". */
export function plotlyVersion(): string {
  const m = /plotly\.js v(\d+\.\d+\.\d+)/.exec(plotlyBundleSource().slice(0, 500));
  return m ? m[1] : "unbekannt";
}
