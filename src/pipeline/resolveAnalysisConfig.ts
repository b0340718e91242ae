import { existsSync } from "node:fs";
import { basename, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_VERDICT_RULE } from "../classify/conspicuousness.js";
import { DEFAULT_THRESHOLDS } from "../classify/schemes.js";
import { DEFAULT_INDICATORS } from "../indicators/defaultIndicators.js";
import { todayIsoDate, parseReportDate } from "../report/reportDocument.js";
import type { IndicatorDefinition } from "../indicators/indicatorDefinition.js";
import { isTargetGroup, TARGET_GROUPS } from "../indicators/targetGroups.js";
import { KNOWN_FACILITY_TYPES } from "../supply/parseFacilities.js";
import { TARGET_GROUP_POPULATION_COLUMNS } from "../supply/targetGroupPopulation.js";
import type { AnalysisConfig, IndexIndicator, MapKeyConfig, ResolvedAnalysisConfig } from "../analysis/analysisConfig.js";
import { DEFAULT_SEED } from "../inference/defaultSeed.js";
import { validateSourcesConfig } from "../sources/validateSourcesConfig.js";
import { formatSourceProblem } from "../sources/sourceProblem.js";
import { SOURCES_ID } from "../sources/loadSources.js";
import type { SourcesConfig } from "../sources/sourcesConfig.js";

/** Upper bound of `permutations`: more gives no useful precision and takes hours on large cities. */
export const MAX_PERMUTATIONS = 99_999;
import { resolveTypes, resolveYears } from "./resolveSurveys.js";

/** The package's embedded data folder (`data/` next to `dist/` and `src/`). */
export function packageDataDir(): string {
  return fileURLToPath(new URL("../../data/", import.meta.url));
}

/** Default status-index indicators: Berlin MSS S1 (Arbeitslosigkeit), S3 (Transferbezug), S4 (Kinderarmut). */
export const DEFAULT_STATUS_INDICATORS: readonly string[] = Object.freeze(["arbeitslosigkeit", "transferbezug", "kinderarmut"]);

/** Default facility types per target group of "Bedarf und Angebot" (capacities of one kind per group). */
export const DEFAULT_SUPPLY_FACILITY_TYPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  children: ["Kita"],
  "working-age": ["Beratungsstelle"],
  elderly: ["Seniorentreff"],
});

/** Default groups of "Durchmischung", each measured against all residents. */
export const DEFAULT_MIX_GROUPS: Readonly<Record<string, string>> = Object.freeze({
  sgb2_personen: "SGB-II-Leistungsberechtigte",
  migrationshintergrund: "Migrationshintergrund",
});

/** Default composition of "Durchmischung": the six age bands of the structural data. */
export const DEFAULT_MIX_COMPOSITION: Readonly<Record<string, string>> = Object.freeze({
  ew_0_5: "0–5 Jahre",
  ew_6_14: "6–14 Jahre",
  ew_15_17: "15–17 Jahre",
  ew_18_24: "18–24 Jahre",
  ew_25_64: "25–64 Jahre",
  ew_65_plus: "65 Jahre und älter",
});

const KEYS: Record<string, readonly string[] | null> = {
  data: ["dir", "gebiete", "strukturdaten", "geojson", "einrichtungen", "stadtteiltreffen", "akteure", "kooperationen", "mapId", "mapKey", "geojsonCrs"],
  years: ["current", "previous", "surveys"],
  id: null,
  indicators: null,
  minimumPopulation: null,
  confidence: null,
  smoothing: null,
  standardization: ["mean", "sd"],
  thresholds: ["flag", "strong"],
  verdictRule: ["strongIfAnyStrong", "strongMinFlags", "minFlags"],
  statusIndex: ["indicators"],
  dynamicIndex: ["indicators"],
  seed: null,
  permutations: null,
  supply: ["facilityTypes", "allowedTypes", "population", "measure", "radiusKm", "decay", "needLevel"],
  mix: ["groups", "composition"],
  neighbourhood: ["contiguity", "indicators", "alpha", "fdr", "needIndex"],
  vernetzung: ["minDensity", "minConnectedShare"],
  sensitivity: ["draws", "thresholdShift"],
  types: ["explainedShare", "kRange", "resamples"],
  disclosure: ["minCount", "minBase", "marker"],
  report: ["title", "date", "source"],
  sources: null,
};

/**
 * Checks an analysis configuration and fills every default (see {@link AnalysisConfig}). All problems are
 * collected into one error, one line each, naming the key and the value, so a configuration file can be fixed
 * in one go. Unknown keys are errors (they are usually typos). Relative data paths are resolved against
 * `baseDir` (default: the current folder). Inputs are not modified.
 *
 * @example
 * resolveAnalysisConfig({ minimumPopulation: 500 }).thresholds; // { flag: 1, strong: 1.5 }
 */
export function resolveAnalysisConfig(config: AnalysisConfig = {}, options: { baseDir?: string; today?: string } = {}): ResolvedAnalysisConfig {
  const fn = "resolveAnalysisConfig";
  const problems: string[] = [];
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new Error(`${fn}: die Konfiguration muss ein Objekt sein, angegeben: ${JSON.stringify(config)}`);
  }
  for (const [key, value] of Object.entries(config)) {
    if (!(key in KEYS)) {
      problems.push(`unbekannter Schlüssel "${key}" (bekannt: ${Object.keys(KEYS).join(", ")})`);
      continue;
    }
    const sub = KEYS[key];
    if (key === "years" && Array.isArray(value)) continue; // a list of survey years
    if (sub && value !== undefined && value !== false) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        problems.push(`"${key}" muss ein Objekt sein, angegeben: ${JSON.stringify(value)}`);
        continue;
      }
      for (const k of Object.keys(value)) if (!sub.includes(k)) problems.push(`unbekannter Schlüssel "${key}.${k}" (bekannt: ${sub.join(", ")})`);
    }
  }
  const base = options.baseDir ?? process.cwd();
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));

  const data = config.data ?? {};
  // With `sources` the tables come from there; the map and the optional files only when `data` names them.
  const withSources = config.sources !== undefined;
  let sources: ResolvedAnalysisConfig["sources"] = null;
  if (withSources) {
    for (const p of validateSourcesConfig(config.sources)) problems.push(formatSourceProblem(p));
    sources = { config: config.sources as SourcesConfig, baseDir: base };
    if (config.id !== undefined && config.id !== SOURCES_ID) problems.push(`"id" muss "${SOURCES_ID}" sein, wenn "sources" angegeben ist (die Schlüsselspalte der Tabellen aus "sources"), angegeben: ${JSON.stringify(config.id)}`);
  }
  const str = (path: string, v: unknown, dflt: string): string => {
    if (v === undefined) return dflt;
    if (typeof v !== "string" || v === "") {
      problems.push(`"${path}" muss ein nicht leerer Text sein, angegeben: ${JSON.stringify(v)}`);
      return dflt;
    }
    return v;
  };
  const dir = data.dir === undefined ? packageDataDir() : abs(str("data.dir", data.dir, "."));
  const inDir = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  const strukturdaten = str("data.strukturdaten", data.strukturdaten, "strukturdaten_{year}.csv");
  if (!strukturdaten.includes("{year}")) problems.push(`"data.strukturdaten" muss "{year}" enthalten, angegeben: ${JSON.stringify(strukturdaten)}`);
  const geojson = data.geojson === null || (withSources && data.geojson === undefined) ? null : inDir(str("data.geojson", data.geojson, "sozialraeume.geojson"));
  // Optional inputs: a file named in the configuration must exist (reading fails otherwise); the default file
  // is used only when it is in the folder.
  const optionalFile = (key: "einrichtungen" | "stadtteiltreffen" | "akteure" | "kooperationen", dflt: string): string | null => {
    const v = data[key];
    if (v === null) return null;
    if (v !== undefined) return inDir(str(`data.${key}`, v, dflt));
    if (withSources) return null;
    const path = inDir(dflt);
    return existsSync(path) ? path : null;
  };
  const mapOptions = resolveMapOptions(data, inDir, problems);
  const einrichtungen = optionalFile("einrichtungen", "einrichtungen.csv");
  const stadtteiltreffen = optionalFile("stadtteiltreffen", "stadtteiltreffen.csv");
  const akteure = optionalFile("akteure", "akteure.csv");
  const kooperationen = optionalFile("kooperationen", "kooperationen.csv");

  const num = (path: string, v: unknown, dflt: number, check: (x: number) => boolean, what: string): number => {
    if (v === undefined) return dflt;
    if (typeof v !== "number" || !Number.isFinite(v) || !check(v)) {
      problems.push(`"${path}" muss ${what} sein, angegeben: ${JSON.stringify(v)}`);
      return dflt;
    }
    return v;
  };
  const { current, previous, surveys } = resolveYears(config, { problems, num, strukturdaten: (y) => inDir(strukturdaten.replace(/\{year\}/g, String(y))) });

  const id = str("id", config.id, "sozialraum_id");
  let indicators: IndicatorDefinition[] = [...DEFAULT_INDICATORS];
  if (config.indicators !== undefined) {
    const sharesGiven = withSources && (config.sources?.shares?.length ?? 0) > 0;
    if (sharesGiven && Array.isArray(config.indicators) && config.indicators.length === 0) indicators = [];
    else if (!Array.isArray(config.indicators) || config.indicators.length === 0) problems.push(`"indicators" muss eine nicht leere Liste von Indikatordefinitionen sein`);
    else indicators = config.indicators;
  }
  const minimumPopulation = num("minimumPopulation", config.minimumPopulation, 300, (x) => x >= 0, "eine Zahl ≥ 0");
  const confidence = num("confidence", config.confidence, 0.95, (x) => x > 0 && x < 1, "eine Zahl zwischen 0 und 1");
  const smoothing = config.smoothing ?? "none";
  if (smoothing !== "none" && smoothing !== "empirical-bayes") {
    problems.push(`"smoothing" muss "none" oder "empirical-bayes" sein, angegeben: ${JSON.stringify(smoothing)}`);
  }

  const mean = config.standardization?.mean ?? "unweighted";
  if (mean !== "unweighted" && mean !== "weighted") problems.push(`"standardization.mean" muss "unweighted" oder "weighted" sein, angegeben: ${JSON.stringify(mean)}`);
  const sd = config.standardization?.sd ?? "population";
  if (sd !== "population" && sd !== "sample") problems.push(`"standardization.sd" muss "population" oder "sample" sein, angegeben: ${JSON.stringify(sd)}`);

  const flag = num("thresholds.flag", config.thresholds?.flag, DEFAULT_THRESHOLDS.flag, () => true, "eine Zahl");
  const strong = num("thresholds.strong", config.thresholds?.strong, DEFAULT_THRESHOLDS.strong, () => true, "eine Zahl");
  if (strong < flag) problems.push(`"thresholds.strong" (${strong}) darf nicht unter "thresholds.flag" (${flag}) liegen`);

  const rule = { ...DEFAULT_VERDICT_RULE, ...(config.verdictRule ?? {}) };
  if (typeof rule.strongIfAnyStrong !== "boolean") problems.push(`"verdictRule.strongIfAnyStrong" muss true oder false sein, angegeben: ${JSON.stringify(rule.strongIfAnyStrong)}`);
  for (const k of ["strongMinFlags", "minFlags"] as const) {
    if (typeof rule[k] !== "number" || !(rule[k] >= 1)) problems.push(`"verdictRule.${k}" muss eine Zahl ≥ 1 sein, angegeben: ${JSON.stringify(rule[k])}`);
  }

  const shareIds = withSources && Array.isArray(config.sources?.shares) ? config.sources!.shares!.map((d) => d?.id) : [];
  const changeIds = withSources && Array.isArray(config.sources?.changes) ? config.sources!.changes!.map((d) => d?.id) : [];
  const ids = new Set([...indicators.map((d) => d?.id), ...shareIds]);
  const indexIndicators = (path: string, list: unknown, dflt: readonly string[]) => {
    const given = list === undefined ? dflt : list;
    if (!Array.isArray(given) || given.length === 0) {
      problems.push(`"${path}" muss eine nicht leere Liste von Indikator-Kennungen sein, angegeben: ${JSON.stringify(given)}`);
      return [];
    }
    return (given as IndexIndicator[]).map((g) => {
      const spec = typeof g === "string" ? { id: g, weight: 1 } : { id: g?.id, weight: g?.weight ?? 1 };
      if (typeof spec.id !== "string" || !ids.has(spec.id)) {
        problems.push(`"${path}": Indikator ${JSON.stringify(spec.id)} ist nicht im Indikatorenkatalog`);
      }
      if (typeof spec.weight !== "number" || !Number.isFinite(spec.weight)) problems.push(`"${path}": Gewicht von "${spec.id}" muss eine endliche Zahl sein`);
      return spec as { id: string; weight: number };
    });
  };
  const statusIndicators = indexIndicators("statusIndex.indicators", config.statusIndex?.indicators, DEFAULT_STATUS_INDICATORS);
  // Published changes (sources.changes) give a dynamic index without a comparison year.
  const fromChanges = previous === null && changeIds.length > 0;
  const dynamicIndex =
    config.dynamicIndex === false || (previous === null && !fromChanges)
      ? null
      : config.dynamicIndex?.indicators === undefined
        ? { indicators: statusIndicators.map((s) => ({ ...s })) }
        : { indicators: indexIndicators("dynamicIndex.indicators", config.dynamicIndex.indicators, []) };

  // The range of createRng: 32-bit signed whole numbers.
  const seed = num("seed", config.seed, DEFAULT_SEED, (x) => Number.isInteger(x) && x >= -2147483648 && x <= 2147483647, "eine ganze Zahl von -2147483648 bis 2147483647");
  // At least 1: the permutation tests of Durchmischung need one (Moran's I would accept 0).
  const permutations = num("permutations", config.permutations, 999, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_PERMUTATIONS, `eine ganze Zahl von 1 bis ${MAX_PERMUTATIONS} (mehr bringt keine nützliche Genauigkeit)`);

  const stringList = (path: string, v: unknown): string[] => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x === "")) {
      problems.push(`"${path}" muss eine Liste nicht leerer Texte sein, angegeben: ${JSON.stringify(v)}`);
      return [];
    }
    return [...(v as string[])];
  };
  const groupLists = (path: string, v: unknown, dflt: Readonly<Record<string, readonly string[]>>): Record<string, string[]> => {
    if (v === undefined) return Object.fromEntries(Object.entries(dflt).map(([k, list]) => [k, [...list]]));
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      problems.push(`"${path}" muss ein Objekt: Zielgruppe → Liste sein, angegeben: ${JSON.stringify(v)}`);
      return {};
    }
    const out: Record<string, string[]> = {};
    for (const [k, list] of Object.entries(v)) {
      if (!isTargetGroup(k)) problems.push(`"${path}": unbekannte Zielgruppe "${k}" (bekannt: ${TARGET_GROUPS.join(", ")})`);
      out[k] = stringList(`${path}.${k}`, list);
    }
    return out;
  };

  let supply: ResolvedAnalysisConfig["supply"] = null;
  if (config.supply !== false) {
    const sc = config.supply ?? {};
    const allowedTypes = sc.allowedTypes === undefined ? [...KNOWN_FACILITY_TYPES] : stringList("supply.allowedTypes", sc.allowedTypes);
    const facilityTypes = groupLists("supply.facilityTypes", sc.facilityTypes, DEFAULT_SUPPLY_FACILITY_TYPES);
    for (const [g, types] of Object.entries(facilityTypes)) {
      for (const t of types) if (!allowedTypes.includes(t)) problems.push(`"supply.facilityTypes.${g}": Art "${t}" ist keine zulässige Einrichtungsart (${allowedTypes.join(", ")})`);
    }
    // Kita places are for children under 6: counting only Kitas, the children's population is the Kita age.
    const onlyKita = facilityTypes.children?.length === 1 && facilityTypes.children[0] === "Kita";
    const population = groupLists("supply.population", undefined, { ...TARGET_GROUP_POPULATION_COLUMNS, ...(onlyKita ? { children: ["ew_0_5"] } : {}) });
    if (sc.population !== undefined) Object.assign(population, groupLists("supply.population", sc.population, {}));
    const measure = sc.measure ?? "catchment";
    if (!["places", "withinReach", "catchment"].includes(measure)) problems.push(`"supply.measure" muss "places", "withinReach" oder "catchment" sein, angegeben: ${JSON.stringify(measure)}`);
    const radiusKm = num("supply.radiusKm", sc.radiusKm, 1.5, (x) => x > 0, "eine Zahl > 0");
    const decay = sc.decay ?? { type: "gaussian" as const };
    if (decay === null || typeof decay !== "object" || !["none", "gaussian", "steps"].includes((decay as { type?: unknown }).type as string)) {
      problems.push(`"supply.decay" muss { "type": "none" }, { "type": "gaussian" } oder { "type": "steps", "steps": [...] } sein, angegeben: ${JSON.stringify(decay)}`);
    }
    const needLevel = sc.needLevel ?? 1; // the flag threshold of conspicuousness (high need = need index > 1)
    if (needLevel !== "median" && !(typeof needLevel === "number" && Number.isFinite(needLevel))) {
      problems.push(`"supply.needLevel" muss "median" oder eine Zahl sein, angegeben: ${JSON.stringify(needLevel)}`);
    }
    supply = { facilityTypes, allowedTypes, population, measure, radiusKm, decay, needLevel };
  }

  const labelMap = (path: string, v: unknown): Record<string, string> => {
    if (v === null || typeof v !== "object" || Array.isArray(v) || Object.keys(v).length === 0 || Object.values(v).some((x) => typeof x !== "string")) {
      problems.push(`"${path}" muss ein Objekt: Spalte → deutsche Bezeichnung (mindestens eine) sein, angegeben: ${JSON.stringify(v)}`);
      return {};
    }
    return { ...(v as Record<string, string>) };
  };
  let mix: ResolvedAnalysisConfig["mix"] = null;
  if (config.mix !== false) {
    const mc = config.mix ?? {};
    mix = {
      groups: mc.groups === undefined ? { ...DEFAULT_MIX_GROUPS } : labelMap("mix.groups", mc.groups),
      composition: mc.composition === null ? null : mc.composition === undefined ? { ...DEFAULT_MIX_COMPOSITION } : labelMap("mix.composition", mc.composition),
      defaultGroups: mc.groups === undefined,
      defaultComposition: mc.composition === undefined,
    };
  }

  let neighbourhood: ResolvedAnalysisConfig["neighbourhood"] = null;
  if (config.neighbourhood !== false) {
    const nc = config.neighbourhood ?? {};
    const contiguity = nc.contiguity ?? "queen";
    if (contiguity !== "queen" && contiguity !== "rook") problems.push(`"neighbourhood.contiguity" muss "queen" oder "rook" sein, angegeben: ${JSON.stringify(contiguity)}`);
    const nbIndicators =
      nc.indicators === undefined ? indicators.filter((d) => d?.targetGroup !== "context").map((d) => d.id) : stringList("neighbourhood.indicators", nc.indicators);
    for (const i of nbIndicators) if (!ids.has(i)) problems.push(`"neighbourhood.indicators": Indikator ${JSON.stringify(i)} ist nicht im Indikatorenkatalog`);
    const alpha = num("neighbourhood.alpha", nc.alpha, 0.05, (x) => x > 0 && x < 1, "eine Zahl zwischen 0 und 1");
    const fdr = nc.fdr ?? false;
    if (typeof fdr !== "boolean") problems.push(`"neighbourhood.fdr" muss true oder false sein, angegeben: ${JSON.stringify(fdr)}`);
    const needIndex = nc.needIndex ?? true;
    if (typeof needIndex !== "boolean") problems.push(`"neighbourhood.needIndex" muss true oder false sein, angegeben: ${JSON.stringify(needIndex)}`);
    neighbourhood = { contiguity, indicators: nbIndicators, alpha, fdr, needIndex };
  }

  let vernetzung: ResolvedAnalysisConfig["vernetzung"] = null;
  if (config.vernetzung !== false) {
    const vc = config.vernetzung ?? {};
    const share = (x: number) => x >= 0 && x <= 1;
    vernetzung = {
      minDensity: num("vernetzung.minDensity", vc.minDensity, 0.1, share, "eine Zahl zwischen 0 und 1"),
      minConnectedShare: num("vernetzung.minConnectedShare", vc.minConnectedShare, 0.5, share, "eine Zahl zwischen 0 und 1"),
    };
  }

  let sensitivity: ResolvedAnalysisConfig["sensitivity"] = null;
  if (config.sensitivity !== false) {
    const sc = config.sensitivity ?? {};
    sensitivity = {
      draws: num("sensitivity.draws", sc.draws, 1000, (x) => Number.isInteger(x) && x >= 0, "eine ganze Zahl ≥ 0"),
      thresholdShift: num("sensitivity.thresholdShift", sc.thresholdShift, 0.25, (x) => x > 0, "eine Zahl > 0"),
    };
  }

  const types = config.types === false ? null : resolveTypes(config.types ?? {}, seed, { problems, num });

  let disclosure: ResolvedAnalysisConfig["disclosure"] = null;
  if (config.disclosure !== false) {
    const dc = config.disclosure ?? {};
    disclosure = {
      minCount: num("disclosure.minCount", dc.minCount, 3, (x) => Number.isInteger(x) && x >= 1, "eine ganze Zahl ≥ 1"),
      minBase: num("disclosure.minBase", dc.minBase, 30, (x) => x >= 0, "eine Zahl ≥ 0"),
      marker: str("disclosure.marker", dc.marker, "."),
    };
  }

  const date = config.report?.date ?? options.today ?? todayIsoDate();
  try {
    parseReportDate(fn, date);
  } catch {
    problems.push(`"report.date" muss ein Datum "JJJJ-MM-TT" sein, angegeben: ${JSON.stringify(date)}`);
  }
  const title = str("report.title", config.report?.title, `Sozialraumanalyse ${current}`);
  const source = str(
    "report.source",
    config.report?.source,
    data.dir === undefined
      ? `Synthetische Beispielstadt des Pakets sozialraum (Strukturdaten ${previous !== null ? `${previous} und ` : ""}${current})`
      : `Strukturdaten ${previous !== null ? `${previous} und ` : ""}${current} (Ordner ${basename(dir)})`,
  );

  if (problems.length > 0) {
    throw new Error(`${fn}: ${problems.length} ${problems.length === 1 ? "Problem" : "Probleme"} in der Konfiguration:\n  - ${problems.join("\n  - ")}`);
  }
  return {
    data: { dir, gebiete: inDir(str("data.gebiete", data.gebiete, "gebiete.csv")), strukturdaten: inDir(strukturdaten), geojson, einrichtungen, stadtteiltreffen, akteure, kooperationen, ...mapOptions },
    years: { current, previous, surveys },
    sources,
    id: withSources ? SOURCES_ID : id,
    indicators,
    minimumPopulation,
    confidence,
    smoothing,
    standardization: { mean, sd },
    thresholds: { flag, strong },
    verdictRule: rule,
    statusIndex: { indicators: statusIndicators },
    dynamicIndex,
    seed,
    permutations,
    supply,
    mix,
    neighbourhood,
    vernetzung,
    sensitivity,
    types,
    disclosure,
    report: { title, date, source },
  };
}

export { loadAnalysisConfig } from "./loadAnalysisConfig.js";

/** `data.mapId`, `data.mapKey`, `data.geojsonCrs`: checked, a crosswalk file made absolute (only keys given). */
function resolveMapOptions(data: NonNullable<AnalysisConfig["data"]>, inDir: (p: string) => string, problems: string[]): Partial<ResolvedAnalysisConfig["data"]> {
  const out: Partial<ResolvedAnalysisConfig["data"]> = {};
  const text = (k: string, v: unknown) => (typeof v === "string" && v !== "" ? true : (problems.push(`"${k}" muss ein nicht leerer Text sein, angegeben: ${JSON.stringify(v)}`), false));
  if (data.mapId !== undefined && text("data.mapId", data.mapId)) out.mapId = data.mapId;
  if (data.geojsonCrs !== undefined && text("data.geojsonCrs", data.geojsonCrs)) out.geojsonCrs = data.geojsonCrs;
  const m = data.mapKey as Record<string, unknown> | undefined;
  if (m === undefined) return out;
  const ok =
    m !== null && typeof m === "object" &&
    ((Object.keys(m).length === 1 && (typeof m.column === "string" || typeof m.pattern === "string")) ||
      (typeof m.crosswalk === "string" && typeof m.mapColumn === "string" && typeof m.tableColumn === "string"));
  if (!ok) problems.push(`"data.mapKey" muss { "column": … }, { "pattern": "STGT{00}" } oder { "crosswalk": "datei.csv", "mapColumn": …, "tableColumn": … } sein, angegeben: ${JSON.stringify(m)}`);
  else out.mapKey = typeof m.crosswalk === "string" ? { ...(m as { crosswalk: string; mapColumn: string; tableColumn: string }), crosswalk: inDir(m.crosswalk) } : (m as MapKeyConfig);
  return out;
}
