import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { AnalysisConfig, MapKeyConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import { sectionOf, type ConfigChecks } from "./configChecks.js";
import { packageDataDir } from "./packageDataDir.js";

type DataConfig = NonNullable<AnalysisConfig["data"]>;
type OptionalInput = "einrichtungen" | "stadtteiltreffen" | "akteure" | "kooperationen";
const OPTIONAL_INPUTS: readonly OptionalInput[] = ["einrichtungen", "stadtteiltreffen", "akteure", "kooperationen"];

/** The keys of `data` naming a file in the data folder. */
export const DATA_FILE_KEYS = ["gebiete", "strukturdaten", "geojson", ...OPTIONAL_INPUTS] as const;

/**
 * The `data` section: the folder (relative to `baseDir`; default the package's data) and every file made
 * absolute against it. The default map and optional files are left out with `sources` (the tables come from
 * there); a default optional file is used only when it is in the folder, a named one must exist when read.
 */
export function resolveDataSection(
  value: AnalysisConfig["data"],
  context: { baseDir: string; withSources: boolean },
  checks: ConfigChecks,
): ResolvedAnalysisConfig["data"] {
  const data = sectionOf(value);
  const dflt = DEFAULT_ANALYSIS_CONFIG.data;
  const dir = data.dir === undefined ? packageDataDir() : absolute(context.baseDir, checks.text("data.dir", data.dir, "."));
  const inDir = (p: string) => absolute(dir, p);
  const gebiete = inDir(checks.text("data.gebiete", data.gebiete, dflt.gebiete));
  const strukturdaten = checks.text("data.strukturdaten", data.strukturdaten, dflt.strukturdaten);
  if (!strukturdaten.includes("{year}")) checks.problems.push(`"data.strukturdaten" muss "{year}" enthalten, angegeben: ${JSON.stringify(strukturdaten)}`);
  const geojson =
    data.geojson === null || (context.withSources && data.geojson === undefined) ? null : inDir(checks.text("data.geojson", data.geojson, dflt.geojson));
  const mapOptions = resolveMapOptions(data, inDir, checks);
  const optional = (key: OptionalInput): string | null => {
    const v = data[key];
    if (v === null) return null;
    if (v !== undefined) return inDir(checks.text(`data.${key}`, v, dflt[key]));
    if (context.withSources) return null;
    const path = inDir(dflt[key]);
    return existsSync(path) ? path : null;
  };
  const [einrichtungen, stadtteiltreffen, akteure, kooperationen] = OPTIONAL_INPUTS.map(optional);
  return { dir, gebiete, strukturdaten: inDir(strukturdaten), geojson, einrichtungen, stadtteiltreffen, akteure, kooperationen, ...mapOptions };
}

function absolute(base: string, p: string): string {
  return isAbsolute(p) ? p : resolve(base, p);
}

/** `data.mapId`, `data.mapKey`, `data.geojsonCrs`: checked, a crosswalk file made absolute (only keys given). */
function resolveMapOptions(data: Partial<DataConfig>, inDir: (p: string) => string, checks: ConfigChecks): Partial<ResolvedAnalysisConfig["data"]> {
  const out: Partial<ResolvedAnalysisConfig["data"]> = {};
  if (data.mapId !== undefined) out.mapId = checks.text("data.mapId", data.mapId, "");
  if (data.geojsonCrs !== undefined) out.geojsonCrs = checks.text("data.geojsonCrs", data.geojsonCrs, "");
  const m = data.mapKey as Record<string, unknown> | undefined;
  if (m === undefined) return out;
  const ok =
    m !== null && typeof m === "object" &&
    ((Object.keys(m).length === 1 && (typeof m.column === "string" || typeof m.pattern === "string")) ||
      (typeof m.crosswalk === "string" && typeof m.mapColumn === "string" && typeof m.tableColumn === "string"));
  if (!ok) checks.problems.push(`"data.mapKey" muss { "column": … }, { "pattern": "STGT{00}" } oder { "crosswalk": "datei.csv", "mapColumn": …, "tableColumn": … } sein, angegeben: ${JSON.stringify(m)}`);
  else out.mapKey = typeof m.crosswalk === "string" ? { ...(m as { crosswalk: string; mapColumn: string; tableColumn: string }), crosswalk: inDir(m.crosswalk) } : (m as MapKeyConfig);
  return out;
}
