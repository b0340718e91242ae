import { relative, resolve } from "node:path";
import { DEFAULT_INDICATORS } from "../indicators/defaultIndicators.js";
import type { IndicatorDefinition } from "../indicators/indicatorDefinition.js";
import { readCsv } from "../io/readCsv.js";
import { readXlsx } from "../io/readXlsx.js";
import type { AreaTable } from "../table/areaTable.js";
import { Missing } from "../table/missing.js";
import { detectSumRows } from "./detectSumRows.js";
import { germanReaderProblems } from "./germanReaderProblems.js";
import { formatSourceProblem } from "./sourceProblem.js";
import type { SourceColumnSpec, SourcesConfig, SourceTableConfig } from "./sourcesConfig.js";
import { KEY_LIKE, NAME_LIKE, recogniseColumn, YEAR_LIKE } from "./recogniseColumn.js";

/** The result of `proposeSourcesConfig`: a starter configuration and every guess made, in German. */
export interface SourcesProposal {
  config: {
    years?: { current: number; previous: number | null };
    sources: SourcesConfig;
    indicators: IndicatorDefinition[];
    statusIndex?: { indicators: string[] };
    dynamicIndex?: false;
  };
  /** One German line per guess (key, year, renamed column, skipped column, aggregate rows, indicator). */
  guesses: string[];
  /** Files that could not be read (German). */
  problems: string[];
}

/** Catalogue indicators by id with the columns to use: numerator, then denominators in order of preference. */
/** Text columns naming a hierarchy level (Stadtteil, Bezirk, …). */
const HIERARCHY_LIKE = /^(stadtteil|stadtbezirk|bezirk|ortsteil|ortsbezirk|bezirksregion|prognoseraum|planungsraum)(?:_?name)?$/i;

const PROPOSALS: Array<[string, string[], string[]]> = [
  ["kinderarmut", ["sgb2_unter_15"], ["ew_unter_15"]],
  ["alleinerziehende", ["hh_alleinerziehend"], ["hh_mit_kindern"]],
  ["arbeitslosigkeit", ["arbeitslose"], ["ew_15_64", "ew_18_64", "einwohner"]],
  ["transferbezug", ["sgb2_personen"], ["einwohner"]],
  ["altersarmut", ["grundsicherung_65_plus"], ["ew_65_plus"]],
  ["migrationshintergrund", ["migrationshintergrund"], ["einwohner"]],
  ["anteil_kinder", ["ew_unter_15"], ["einwohner"]],
  ["anteil_aeltere", ["ew_65_plus"], ["einwohner"]],
  ["haushalte_mit_kindern", ["hh_mit_kindern"], ["haushalte"]],
];

/**
 * Writes a starter `sources` block and indicators from the headers of the given files (`sozialraum init`):
 * recognises the key, name and year columns and common German column names (see `recogniseColumn`), renames
 * them to the catalogue's names, proposes indicators of the catalogue for which both sides were found, marks
 * detected aggregate rows (sums of other rows) for exclusion, and lists every guess.
 *
 * @param files paths of CSV or XLSX files
 * @param options.configDir the folder the configuration will be written to (paths are made relative to it)
 * @example
 * const { config, guesses } = await proposeSourcesConfig(["fl_district.csv", "fl_residents_by_district.csv"], { configDir: "." });
 */
export async function proposeSourcesConfig(files: readonly string[], options: { configDir: string }): Promise<SourcesProposal> {
  const guesses: string[] = [];
  const problems: string[] = [];
  const tables: SourceTableConfig[] = [];
  const taken = new Set<string>();
  const yearSets: number[][] = [];
  let areaTable: { name: string; nameColumn?: string } | undefined;
  const hierarchy: Record<string, string> = {};
  for (const f of files) {
    let t: AreaTable;
    try {
      t = /\.xlsx$/i.test(f) ? await readXlsx(f) : readCsv(f);
      // Read again with the key: the XLSX header detection uses it (rows of descriptions under the header).
      const key = chooseKey(t);
      t = /\.xlsx$/i.test(f) ? await readXlsx(f, { id: key }) : readCsv(f, { id: key });
    } catch (e) {
      problems.push(...germanReaderProblems(e, f).map(formatSourceProblem));
      continue;
    }
    const file = relative(options.configDir, resolve(f)).replace(/\\/g, "/");
    const shown = file.replace(/^.*\//, "");
    const key = chooseKey(t);
    guesses.push(`${shown}: Schlüsselspalte ${JSON.stringify(key)}`);
    const entry: SourceTableConfig = { file, key };
    const yearColumn = t.columns.find((c) => YEAR_LIKE.test(c.trim()));
    const yearInName = file.replace(/^.*\//, "").match(/(?:^|\D)((?:19|20)\d\d)(?:\D|$)/);
    if (yearColumn) {
      entry.year = { column: yearColumn };
      guesses.push(`${shown}: Jahr aus Spalte ${JSON.stringify(yearColumn)}`);
      yearSets.push([...new Set(t.rows.map((r) => Number(r[yearColumn])).filter(Number.isInteger))]);
    } else if (yearInName) {
      entry.year = Number(yearInName[1]);
      guesses.push(`${shown}: Jahr ${yearInName[1]} aus dem Dateinamen`);
      yearSets.push([entry.year]);
    }
    // Names and hierarchy come from one table, the area list: the first table with a name column.
    const nameColumn = areaTable ? undefined : t.columns.find((c) => c !== key && NAME_LIKE.test(c) && t.columnTypes[c] === "string");
    const isAreaTable = nameColumn !== undefined || (!areaTable && tables.length === 0);
    const columns: Record<string, string | SourceColumnSpec> = {};
    for (const c of t.columns) {
      if (c === key || c === yearColumn) continue;
      if (c === nameColumn) {
        columns[c] = { name: "name", kind: "text" };
        continue;
      }
      const level = c.trim().match(HIERARCHY_LIKE);
      if (level && isAreaTable && t.columnTypes[c] === "string" && !taken.has(level[1].toLowerCase())) {
        const name = level[1].toLowerCase();
        taken.add(name);
        hierarchy[name] = name;
        columns[c] = { name, kind: "text" };
        guesses.push(`${shown}: Spalte ${JSON.stringify(c)} ist die Hierarchieebene "${name}"`);
        continue;
      }
      if (t.columnTypes[c] === "string" && (NAME_LIKE.test(c) || level)) {
        guesses.push(`${shown}: Spalte ${JSON.stringify(c)} (Text) nicht übernommen: Namen und Hierarchie kommen aus der Gebietsliste`);
        continue;
      }
      const r = recogniseColumn(c, file);
      if (!r) {
        guesses.push(`${shown}: Spalte ${JSON.stringify(c)} nicht erkannt, nicht übernommen`);
        continue;
      }
      if (r.kind === "count" && t.rows.some((row) => typeof row[c] === "number" && !Number.isInteger(row[c]))) {
        guesses.push(`${shown}: Spalte ${JSON.stringify(c)} hat Nachkommastellen, also keine Anzahl (${r.label}?), nicht übernommen`);
        continue;
      }
      if (r.kind === "share") {
        guesses.push(`${shown}: Spalte ${JSON.stringify(c)} ist ein Anteil (${r.label}), nicht übernommen; als Anteil-Indikator unter "shares" nutzbar`);
        continue;
      }
      let name = r.name;
      for (let k = 2; taken.has(name); k++) name = `${r.name}_${k}`;
      taken.add(name);
      columns[c] = { name, kind: "count" };
      guesses.push(`${shown}: ${JSON.stringify(c)} → ${JSON.stringify(name)} (${r.label}${name !== r.name ? `; ${JSON.stringify(r.name)} ist schon vergeben` : ""})`);
    }
    entry.columns = columns;
    const sums = entry.year === undefined || typeof entry.year === "number" ? detectSumRows(t.rows, Object.keys(columns)) : [];
    if (sums.length) {
      entry.exclude = { sums: true };
      guesses.push(`${shown}: ${sums.length} Summenzeilen erkannt und ausgeschlossen: ${sums.map((s) => JSON.stringify(String(t.rows[s.index][key] instanceof Missing ? "" : t.rows[s.index][key]))).join(", ")}`);
    }
    tables.push(entry);
    if (nameColumn && !areaTable) areaTable = { name: file.replace(/^.*\//, "").replace(/\.[^.]+$/, ""), nameColumn };
  }
  const sources: SourcesConfig = { tables };
  if (tables.length) {
    sources.areas = { table: areaTable?.name ?? tables[0].file.replace(/^.*\//, "").replace(/\.[^.]+$/, "") };
    if (areaTable?.nameColumn) sources.areas.name = "name";
    if (Object.keys(hierarchy).length) sources.areas.hierarchy = hierarchy;
    if (taken.has("einwohner")) sources.areas.population = "einwohner";
    guesses.push(`Gebietsliste: ${sources.areas.table}${areaTable ? `, Namen aus ${JSON.stringify(areaTable.nameColumn)}` : " (keine Namensspalte erkannt)"}`);
    if (!taken.has("einwohner")) guesses.push("keine Einwohnerspalte erkannt: areas.population ergänzen");
    if (!tables.some((t) => t.year !== undefined)) guesses.push('kein Jahr erkannt: bei einer Tabelle "year" ergänzen (Jahreszahl oder { "column": … })');
  }
  const indicators = proposeIndicators(taken, guesses);
  const config: SourcesProposal["config"] = { sources, indicators };
  const common = yearSets.length ? yearSets.reduce((a, b) => a.filter((y) => b.includes(y))).sort((a, b) => b - a) : [];
  if (common.length) {
    config.years = { current: common[0], previous: common[1] ?? null };
    guesses.push(`Analysejahr ${common[0]}${common[1] !== undefined ? `, Vergleichsjahr ${common[1]}` : ", kein Vergleichsjahr"} (die jüngsten Jahre aller Tabellen)`);
  }
  const status = indicators.map((d) => d.id).filter((id) => ["kinderarmut", "arbeitslosigkeit", "transferbezug", "sgb2_quote"].includes(id));
  if (status.length) {
    config.statusIndex = { indicators: status };
    guesses.push(`Statusindex aus ${status.join(", ")}`);
  }
  if (!config.years || config.years.previous === null) config.dynamicIndex = false;
  return { config: { years: config.years, ...config }, guesses, problems };
}

function proposeIndicators(taken: Set<string>, guesses: string[]): IndicatorDefinition[] {
  const out: IndicatorDefinition[] = [];
  for (const [id, numerator, bases] of PROPOSALS) {
    const base = bases.find((b) => taken.has(b));
    const d = DEFAULT_INDICATORS.find((x) => x.id === id);
    if (!d || !base || !numerator.every((c) => taken.has(c))) continue;
    out.push({ ...d, numerator: [...numerator], denominator: [base] });
    guesses.push(`Indikator ${JSON.stringify(id)} (${d.label}): ${numerator.join(" + ")} je ${base}${base !== bases[0] ? ` (Bezug ${base} statt ${bases[0]}: prüfen)` : ""}`);
  }
  if (out.length === 0) guesses.push("kein Indikator aus dem Katalog vorgeschlagen: Zähler und Nenner nicht erkannt");
  return out;
}

/** The key: key-like names first (unique ones before others), then text columns (unique first), then the first column. */
function chooseKey(t: AreaTable): string {
  const unique = t.columns.filter((c) => {
    const values = t.rows.map((r) => r[c]);
    return values.every((v) => !(v instanceof Missing) && v !== "") && new Set(values.map(String)).size === values.length;
  });
  // A key-like name wins even with repeated values (a Bezirk row named like a Stadtteil): exclude.sums or
  // exclude.rows sort those out, and check names the duplicates.
  const keyLike = (c: string) => KEY_LIKE.test(c.trim());
  const text = (c: string) => t.columnTypes[c] === "string";
  return unique.find(keyLike) ?? t.columns.find(keyLike) ?? unique.find(text) ?? t.columns.find(text) ?? t.columns[0];
}
