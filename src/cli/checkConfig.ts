import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DEFAULT_INDICATORS } from "../indicators/defaultIndicators.js";
import type { IndicatorDefinition } from "../indicators/indicatorDefinition.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../analysis/defaultAnalysisConfig.js";
import { CONFIG_KEYS } from "../pipeline/config/unknownKeyProblems.js";
import { resolveAnalysisConfig } from "../pipeline/resolveAnalysisConfig.js";
import { checkSources, type LoadedSources } from "../sources/loadSources.js";
import { formatSourceProblem } from "../sources/sourceProblem.js";
import { meintenSie } from "../sources/suggest.js";

/** Top-level keys of a configuration file: those of `DEFAULT_ANALYSIS_CONFIG`, as `resolveAnalysisConfig` accepts. */
const TOP_KEYS = CONFIG_KEYS;

/** The outcome of `checkConfigFile`: every problem (German, one line each), notes, and a summary when valid. */
export interface ConfigFileCheck {
  file: string;
  problems: string[];
  warnings: string[];
  summary: string[];
  sources?: LoadedSources;
}

/**
 * Checks a configuration file and its data in one pass without running the analysis (`sozialraum check`): JSON
 * syntax, unknown keys ("meinten Sie …?"), the analysis parameters, the `sources` block with every table it
 * names (columns, keys, values), the indicators' columns, and the index indicators. Collects every problem.
 *
 * @example
 * const c = await checkConfigFile("examples/flensburg-2022/sozialraum.json");
 * c.problems; // []
 */
export async function checkConfigFile(path: string): Promise<ConfigFileCheck> {
  const out: ConfigFileCheck = { file: path, problems: [], warnings: [], summary: [] };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    out.problems.push(`${path}: Datei nicht lesbar (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return out;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const m = (e as Error).message.match(/position (\d+)/);
    const at = m ? lineColumn(text, Number(m[1])) : "";
    out.problems.push(`${path}${at}: kein gültiges JSON (Komma, Anführungszeichen und Klammern prüfen)`);
    return out;
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    out.problems.push(`${path}: muss ein JSON-Objekt { … } enthalten`);
    return out;
  }
  const config = raw as Record<string, unknown>;
  for (const k of Object.keys(config)) if (!TOP_KEYS.includes(k)) out.problems.push(`${path}: unbekannte Angabe ${JSON.stringify(k)}${meintenSie(k, TOP_KEYS) || ` (bekannt: ${TOP_KEYS.join(", ")})`}`);

  const sources = config.sources;
  const indicators = (Array.isArray(config.indicators) ? config.indicators : sources !== undefined ? DEFAULT_INDICATORS : []) as IndicatorDefinition[];
  analysisParameters(config, path, out);
  if (sources !== undefined) {
    const baseDir = dirname(resolve(path));
    const c = await checkSources(sources, { baseDir, indicators });
    out.problems.push(...c.problems.map((p) => `${p.file === undefined && p.path === undefined ? `${path}: ` : ""}${formatSourceProblem(p)}`));
    out.warnings.push(...c.warnings);
    if (c.result) out.sources = c.result;
  }
  indexIndicators(config, indicators, path, out);
  analysisYears(config, path, out);
  if (out.problems.length === 0) out.summary = summary(out, indicators);
  return out;
}

/** The analysis parameters (everything but `sources` and the index lists) through `resolveAnalysisConfig`. */
function analysisParameters(config: Record<string, unknown>, path: string, out: ConfigFileCheck): void {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) if (TOP_KEYS.includes(k) && !["sources", "statusIndex", "dynamicIndex"].includes(k)) rest[k] = v;
  if (Array.isArray(rest.indicators) && rest.indicators.length === 0) delete rest.indicators;
  // The index lists are checked by indexIndicators (they may name share indicators, unknown to the pipeline).
  const ids = Array.isArray(rest.indicators) ? (rest.indicators as Array<{ id?: unknown }>).map((d) => d?.id).filter((id): id is string => typeof id === "string") : [];
  if (ids.length) rest.statusIndex = { indicators: [ids[0]] };
  rest.dynamicIndex = false;
  try {
    resolveAnalysisConfig(rest as never, { baseDir: dirname(resolve(path)), today: "2000-01-01" });
  } catch (e) {
    const lines = String((e as Error).message).split("\n").map((l) => l.trim().replace(/^- /, "")).filter((l) => l && !/(problems?|Probleme?) in/.test(l));
    for (const l of lines) out.problems.push(`${path}: Analyse-Parameter: ${l}`);
  }
}

/** Index indicators must name an indicator (status: count or share indicators; dynamic: changes or indicators). */
function indexIndicators(config: Record<string, unknown>, indicators: IndicatorDefinition[], path: string, out: ConfigFileCheck): void {
  const shares = out.sources?.shares.map((s) => s.id) ?? [];
  const changes = out.sources?.changes.map((s) => s.id) ?? [];
  const ids = [...indicators.map((d) => d.id), ...shares];
  for (const [key, known] of [["statusIndex", ids], ["dynamicIndex", [...ids, ...changes]]] as const) {
    const block = config[key] as { indicators?: unknown } | false | undefined;
    if (!block || !Array.isArray(block.indicators)) continue;
    for (const entry of block.indicators) {
      const id = typeof entry === "string" ? entry : (entry as { id?: unknown })?.id;
      if (typeof id !== "string" || !known.includes(id)) out.problems.push(`${path}: ${key}.indicators: kein Indikator ${JSON.stringify(id ?? entry)} (vorhanden: ${known.join(", ") || "keine"})${typeof id === "string" ? meintenSie(id, known) : ""}`);
    }
  }
}

/** `years.current` and `years.previous` must be years the sources provide (the defaults 2018/2016 rarely are). */
function analysisYears(config: Record<string, unknown>, path: string, out: ConfigFileCheck): void {
  if (!out.sources) return;
  const have = [...out.sources.years.keys()];
  // A list of survey years: the analysis year is the last, the comparison year the one before (as resolveAnalysisConfig).
  const list0 = Array.isArray(config.years) ? (config.years as unknown[]) : null;
  const years = (list0 ? { current: list0[list0.length - 1], previous: list0.length > 1 ? list0[list0.length - 2] : null } : (config.years ?? {})) as { current?: unknown; previous?: unknown };
  const current = years.current ?? DEFAULT_ANALYSIS_CONFIG.years.current;
  const previous = years.previous === undefined ? DEFAULT_ANALYSIS_CONFIG.years.previous : years.previous;
  const list = have.join(", ");
  if (!have.includes(current as number)) out.problems.push(`${path}: years.current: ${current}${years.current === undefined ? " (Standard)" : ""} ist kein Jahr der Datenquellen (vorhanden: ${list}); "years": { "current": ${have[have.length - 1]} } angeben`);
  if (previous !== null && !have.includes(previous as number)) {
    out.problems.push(`${path}: years.previous: ${previous}${years.previous === undefined ? " (Standard)" : ""} ist kein Jahr der Datenquellen (vorhanden: ${list}); ein vorhandenes Jahr oder null angeben`);
  }
}

function summary(out: ConfigFileCheck, indicators: IndicatorDefinition[]): string[] {
  const s = out.sources;
  if (!s) return [`Analyse-Parameter in Ordnung; keine eigenen Datenquellen ("sources"): die eingebauten Daten werden verwendet`];
  const areas = s.areas.length;
  const lines = [
    `Jahre: ${[...s.years.keys()].join(", ")}`,
    `Sozialräume: ${areas} in der Gebietsliste, ${areas - s.excluded.length} verwendbar, ${s.excluded.length} ausgeschlossen`,
    `Dateien: ${s.files.length}; ausgelassene Zeilen (keine Gebiete): ${s.dropped.length}`,
    `Indikatoren: ${indicators.length} aus Anzahlen, ${s.shares.length} aus veröffentlichten Anteilen, ${s.changes.length} Veränderungen`,
  ];
  for (const e of s.excluded) lines.push(`  ausgeschlossen: ${e.id}: ${e.reason}`);
  for (const d of s.dropped) lines.push(`  ausgelassen: ${d.file} Zeile ${d.row} (${JSON.stringify(d.key)}): ${d.reason}`);
  return lines;
}

function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  return ` Zeile ${line}, Zeichen ${pos - before.lastIndexOf("\n")}`;
}

/** The configuration file to check: the option, else `sozialraum.json` in the current folder. */
export function defaultConfigFile(option: string | undefined): string | undefined {
  if (option) return option;
  return existsSync("sozialraum.json") ? "sozialraum.json" : undefined;
}
