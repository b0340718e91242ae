import { basename, isAbsolute, relative, resolve } from "node:path";
import { provenance, type ContentDigest, type Provenance } from "../audit/provenance.js";
import type { ResolvedAnalysisConfig } from "../analysis/analysisConfig.js";
import type { AnalysisInput } from "../analysis/analysisResult.js";
import { packageDataDir } from "./config/packageDataDir.js";

/** An input as read: its role, its path and its bytes. */
export interface InputContent {
  /** German role, e.g. "Gebietsliste". */
  role: string;
  /** Path as read (absolute or relative); recorded relative to the data folder. */
  path: string;
  /** The bytes, or their SHA-256 and size already computed (tables in memory: `stableJsonDigest`). */
  content: string | Uint8Array | ContentDigest;
}

/** Marks the embedded data folder in recorded parameters (its absolute path differs between machines). */
export const EMBEDDED_DATA_DIR = "(eingebettete Beispieldaten des Pakets sozialraum)";

/**
 * The provenance of an analysis: every input's SHA-256 and size, every parameter and the library version
 * (`provenance()` of `src/audit`). Paths are recorded relative to the data folder and the data folder by its
 * name only, so the record — and every output that contains it — is the same on every machine. The report
 * date is left out of the parameters and recorded as `createdAt`, the one time stamp of the outputs; so the
 * fingerprint identifies the analysis independent of the date.
 *
 * @example
 * const { provenance } = analysisProvenance(config, [{ role: "Gebietsliste", path: config.data.gebiete, content: bytes }]);
 * provenance.inputs[0]; // { path: "gebiete.csv", sha256: "…", bytes: 4242 }
 */
export function analysisProvenance(config: ResolvedAnalysisConfig, inputs: readonly InputContent[]): { inputs: AnalysisInput[]; provenance: Provenance } {
  const dir = config.data.dir;
  const rel = (p: string) => recordedPath(dir, p);
  const recorded = inputs.map((i) => ({ role: i.role, path: i.path.startsWith("tabelle:") ? i.path : rel(i.path), content: i.content }));
  const p = provenance({
    inputs: recorded.map((i) => ({ path: i.path, content: i.content })),
    parameters: provenanceParameters(config),
    createdAt: config.report.date,
  });
  return {
    inputs: recorded.map((i, k) => ({ role: i.role, path: i.path, sha256: p.inputs[k].sha256, bytes: p.inputs[k].bytes })),
    provenance: p,
  };
}

/** A path as recorded: relative to the data folder with "/" separators (absolute only on another drive). */
export function recordedPath(dir: string, path: string): string {
  const r = relative(dir, resolve(dir, path));
  return isAbsolute(r) ? path : r.split("\\").join("/");
}

/**
 * The parameters of an analysis as recorded in its provenance: the resolved configuration with the data paths
 * relative to the data folder (the folder itself by name, the embedded one as {@link EMBEDDED_DATA_DIR}) and
 * without the report date.
 */
export function provenanceParameters(config: ResolvedAnalysisConfig): Record<string, unknown> {
  const d = config.data;
  const rel = (p: string | null) => (p === null ? null : recordedPath(d.dir, p));
  const { date: _date, ...report } = config.report;
  return {
    ...config,
    data: {
      dir: resolve(d.dir) === resolve(packageDataDir()) ? EMBEDDED_DATA_DIR : basename(d.dir),
      gebiete: rel(d.gebiete),
      strukturdaten: rel(d.strukturdaten),
      geojson: rel(d.geojson),
      einrichtungen: rel(d.einrichtungen),
      stadtteiltreffen: rel(d.stadtteiltreffen),
      akteure: rel(d.akteure),
      kooperationen: rel(d.kooperationen),
    },
    report,
  };
}
