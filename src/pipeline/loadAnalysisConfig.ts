import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { AnalysisConfig } from "../analysis/analysisConfig.js";
import type { SourcesConfig } from "../sources/sourcesConfig.js";
import { DATA_FILE_KEYS } from "./config/resolveDataSection.js";

/**
 * Reads an analysis configuration from a JSON file. Relative paths in `data` are made relative to the file's
 * folder, so a configuration can travel with its data.
 *
 * @example
 * const config = loadAnalysisConfig("analyse.json");
 * const result = runAnalysis(config);
 */
export function loadAnalysisConfig(path: string): AnalysisConfig {
  const fn = "loadAnalysisConfig";
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`${fn}: ${path} kann nicht gelesen werden (${(e as Error).message})`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new Error(`${fn}: ${path} ist kein gültiges JSON (${(e as Error).message})`);
  }
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new Error(`${fn}: ${path} muss ein JSON-Objekt enthalten, angegeben: ${Array.isArray(config) ? "eine Liste" : JSON.stringify(config)}`);
  }
  const base = dirname(resolve(path));
  const c = withAbsoluteSourceFiles(config as AnalysisConfig, base);
  if (c.data && typeof c.data === "object") {
    const d = { ...c.data };
    const dataDir = typeof d.dir === "string" ? resolve(base, d.dir) : undefined;
    if (dataDir) d.dir = dataDir;
    // Files without a dir in the config are relative to the config file, not to the package data.
    for (const k of DATA_FILE_KEYS) {
      const v = d[k];
      if (typeof v === "string" && !isAbsolute(v) && !dataDir) d[k] = resolve(base, v);
    }
    const mk = d.mapKey as { crosswalk?: unknown } | undefined;
    if (mk && typeof mk === "object" && typeof mk.crosswalk === "string" && !isAbsolute(mk.crosswalk) && !dataDir) d.mapKey = { ...(d.mapKey as object), crosswalk: resolve(base, mk.crosswalk) } as typeof d.mapKey;
    return { ...c, data: d };
  }
  return c;
}

/** `sources.tables[].file` made absolute against the configuration file's folder (other values unchanged). */
function withAbsoluteSourceFiles(c: AnalysisConfig, base: string): AnalysisConfig {
  const tables = (c.sources as { tables?: unknown } | undefined)?.tables;
  if (!Array.isArray(tables)) return c;
  const fixed = tables.map((t) =>
    t && typeof t === "object" && typeof (t as { file?: unknown }).file === "string" && !isAbsolute((t as { file: string }).file)
      ? { ...t, file: resolve(base, (t as { file: string }).file) }
      : t,
  );
  return { ...c, sources: { ...(c.sources as SourcesConfig), tables: fixed } };
}
