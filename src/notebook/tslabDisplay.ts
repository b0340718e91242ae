import { createRequire } from "node:module";

/** The part of tslab's `display` object the helpers use. */
export interface NotebookDisplay {
  html(s: string): void;
  markdown(s: string): void;
}

/**
 * tslab's `display` of the running kernel. Inside a tslab kernel, `globalThis.__tslab__.require("tslab")` is the
 * kernel's own instance (the one wired to the Jupyter connection); otherwise tslab is resolved from this package.
 * Throws a clear error outside a notebook, where the `…Html` functions give the HTML as a string instead.
 */
export function tslabDisplay(caller: string): NotebookDisplay {
  const kernel = (globalThis as { __tslab__?: { require?: (id: string) => unknown } }).__tslab__;
  let tslab: { display?: NotebookDisplay } | undefined;
  try {
    tslab = (kernel?.require ? kernel.require("tslab") : createRequire(import.meta.url)("tslab")) as { display?: NotebookDisplay };
  } catch {
    tslab = undefined;
  }
  if (!tslab?.display || !kernel) {
    throw new Error(`${caller}: läuft nicht in einem tslab-Notebook-Kernel (für den HTML-Text die …Html-Funktion verwenden)`);
  }
  return tslab.display;
}
