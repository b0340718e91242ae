import { formatGermanNumber } from "../io/formatGermanNumber.js";
import { columnAccess, type TableInput } from "../classify/columns.js";
import type { Exclusion } from "../table/exclusion.js";
import { clusterStability, type ClusterStabilityResult } from "./clusterStability.js";
import { cutTree } from "./cutTree.js";
import { euclideanDistances } from "./euclideanDistances.js";
import { hclustFromDistances, type HierarchicalTree } from "./hierarchicalClustering.js";
import { scaleColumns } from "./numericMatrix.js";
import { componentsForShare, principalComponentsOfMatrix, type PrincipalComponentsResult } from "./principalComponents.js";
import { silhouetteFromDistances, type SilhouetteResult } from "./silhouette.js";
import { typeProfiles, type TypeProfile } from "./typeProfiles.js";

/** Options of {@link sozialraumTypes}. */
export interface SozialraumTypesOptions {
  /** The area id column. */
  id: string;
  /** Indicator columns. */
  columns: readonly string[];
  /** German labels per column for profiles and descriptions (default: the column name). */
  labels?: Readonly<Record<string, string>>;
  /** Share of variance the retained principal components must explain (default 0.8). */
  explainedShare?: number;
  /** Smallest and largest number of types tried (default [2, 8]). */
  kRange?: readonly [number, number];
  /** Seed of the bootstrap (default 1). */
  seed?: number;
  /** Bootstrap resamples for the stability (default 100; 0 leaves the stability out). */
  resamples?: number;
  /** Numeric codes that mean "missing" (e.g. -9999 in Berlin's MSS tables). */
  missingCodes?: readonly number[];
  /** |mean z| from which an indicator enters the description (default 0.5). */
  descriptionThreshold?: number;
}

/** One area of the input, in input order. */
export interface SozialraumTypeArea {
  id: string;
  /** Type 1…k, or null when the area was left out (see `excluded`). */
  type: number | null;
  /** Silhouette width of the area in its type (null when left out). */
  silhouette: number | null;
}

/** Result of {@link sozialraumTypes}. */
export interface SozialraumTypesResult {
  areas: SozialraumTypeArea[];
  excluded: Exclusion[];
  columns: string[];
  /** PCA of the included areas (correlation PCA). */
  pca: PrincipalComponentsResult;
  /** Number of principal components used for the clustering. */
  components: number;
  /** Ward tree on the component scores of the included areas (observation numbers = included areas in order). */
  tree: HierarchicalTree;
  /** Mean silhouette width per k of the range; the chosen k has the largest (the smaller k on a tie). */
  criterion: { k: number; meanSilhouette: number }[];
  k: number;
  silhouette: SilhouetteResult;
  types: (TypeProfile & { stability: number | null })[];
  stability: ClusterStabilityResult | null;
  /** German summary of the method for reports. */
  method: string;
}

/**
 * Sozialraumtypen: groups of areas with a similar indicator profile.
 *
 * Steps: (1) areas with a missing value in any column are left out (listed in `excluded` with a German reason);
 * (2) z-standardise the columns (sample sd); (3) principal components of the correlation matrix, keeping the
 * fewest m that explain `explainedShare` of the variance; (4) Ward clustering (R "ward.D2") on the first m
 * component scores; (5) for each k in `kRange` cut the tree and compute the mean silhouette width; choose the k
 * with the largest; (6) type profiles = mean z per indicator and type, with a German description; (7) stability of
 * each type under the bootstrap (mean Jaccard as fpc::clusterboot; the PCA stays fixed, the Ward clustering of the
 * drawn areas' scores is repeated with the chosen k). Sources: R `prcomp`, `hclust`, `cutree`,
 * `cluster::silhouette`; Rousseeuw (1987); Hennig (2007); Ward, JASA 58 (1963) 236–244.
 *
 * @example
 * const t = sozialraumTypes(rows, { id: "PLR_ID", columns: ["KI_01", "KI_02", "KI_03"], seed: 1 });
 * t.k; t.types[0].description; // e.g. "überdurchschnittlich: KI_03; unterdurchschnittlich: KI_01"
 */
export function sozialraumTypes(table: TableInput, options: SozialraumTypesOptions): SozialraumTypesResult {
  const fn = "sozialraumTypes";
  const columns = [...options.columns];
  const [kMin, kMax] = options.kRange ?? [2, 8];
  const { ids, matrix, included, excluded } = readAreas(fn, table, options);
  if (!(Number.isInteger(kMin) && Number.isInteger(kMax) && kMin >= 2 && kMax >= kMin)) {
    throw new Error(`${fn}: kRange muss aus zwei ganzen Zahlen 2 ≤ min ≤ max bestehen, angegeben ist [${kMin}, ${kMax}]`);
  }
  if (matrix.length < kMax + 1) {
    throw new Error(`${fn}: nur ${matrix.length} vollständige Gebiete für bis zu ${kMax} Typen; nötig sind mindestens ${kMax + 1}`);
  }
  const z = scaleColumns(fn, matrix, columns);
  const pca = principalComponentsOfMatrix(matrix, { columns, scale: true });
  const components = componentsForShare(pca.explainedRatio, options.explainedShare ?? 0.8);
  const scores = pca.scores.map((r) => r.slice(0, components));
  const dist = euclideanDistances(scores);
  const tree = hclustFromDistances(dist, scores.length, "ward");
  const criterion: { k: number; meanSilhouette: number }[] = [];
  let best = { k: kMin, cut: cutTree(tree, kMin), sil: silhouetteFromDistances(dist, cutTree(tree, kMin)) };
  for (let k = kMin; k <= kMax; k++) {
    const cut = cutTree(tree, k);
    const sil = silhouetteFromDistances(dist, cut);
    criterion.push({ k, meanSilhouette: sil.mean });
    if (sil.mean > best.sil.mean) best = { k, cut, sil };
  }
  const resamples = options.resamples ?? 100;
  const stability = resamples > 0 ? clusterStability(scores, best.cut, { k: best.k, resamples, seed: options.seed ?? 1 }) : null;
  const profiles = typeProfiles(z, best.cut, { columns, labels: options.labels, threshold: options.descriptionThreshold });
  const position = new Map(included.map((row, i) => [row, i]));
  return {
    areas: ids.map((id, row) => {
      const i = position.get(row);
      return { id, type: i === undefined ? null : best.cut[i], silhouette: i === undefined ? null : best.sil.widths[i] };
    }),
    excluded,
    columns,
    pca,
    components,
    tree,
    criterion,
    k: best.k,
    silhouette: best.sil,
    types: profiles.map((p) => ({ ...p, stability: stability?.clusters.find((c) => c.cluster === p.type)?.meanJaccard ?? null })),
    stability,
    method:
      `z-Standardisierung von ${columns.length} Indikatoren, Hauptkomponentenanalyse (${components} Komponenten, ` +
      `${formatGermanNumber(100 * pca.explainedRatio.slice(0, components).reduce((s, v) => s + v, 0), { decimals: 1 })} % der Varianz), ` +
      `Ward-Clusteranalyse, Zahl der Typen nach mittlerer Silhouettenbreite (k = ${kMin} bis ${kMax}), ` +
      (stability ? `Stabilität: mittlerer Jaccard-Koeffizient aus ${resamples} Bootstrap-Stichproben (Hennig 2007)` : "ohne Stabilitätsprüfung"),
  };
}

/** Reads ids and the indicator matrix; areas with a missing or non-numeric value are listed as excluded. */
function readAreas(fn: string, table: TableInput, options: SozialraumTypesOptions) {
  const acc = columnAccess(fn, table);
  if (!acc.has(options.id)) throw new Error(`${fn}: Schlüsselspalte "${options.id}" (Option id) nicht gefunden`);
  for (const c of options.columns) if (!acc.has(c)) throw new Error(`${fn}: Spalte "${c}" (Option columns) nicht gefunden`);
  if (options.columns.length === 0) throw new Error(`${fn}: die Option columns ist leer`);
  const codes = new Set(options.missingCodes ?? []);
  const idCol = acc.column(options.id);
  const cols = options.columns.map((c) => acc.column(c));
  const ids: string[] = [];
  const matrix: number[][] = [];
  const included: number[] = [];
  const excluded: Exclusion[] = [];
  for (let i = 0; i < acc.length; i++) {
    const id = String(idCol[i]);
    ids.push(id);
    const values = cols.map((col) => col[i]);
    const bad = values.findIndex((v) => typeof v !== "number" || !Number.isFinite(v) || codes.has(v));
    if (bad >= 0) {
      const column = options.columns[bad];
      const label = options.labels?.[column];
      excluded.push({ id, step: "sozialraumTypes", column, reason: `fehlender Wert in ${column}${label ? ` (${label})` : ""}: ${showValue(values[bad])}` });
      continue;
    }
    matrix.push(values as number[]);
    included.push(i);
  }
  return { ids, matrix, included, excluded };
}

function showValue(v: unknown): string {
  return v == null || v === "" || (typeof v === "number" && Number.isNaN(v)) ? "leer" : String(v);
}
