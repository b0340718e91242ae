import type { CompositeIndexResult } from "../classify/compositeIndex.js";
import type { ConspicuousnessResult, Verdict } from "../classify/conspicuousness.js";
import type { IndicatorChangesResult } from "../classify/indicatorChanges.js";
import type { IndicatorResult } from "../indicators/computeIndicators.js";
import type { AreaGeometries } from "../io/geoJsonTypes.js";
import type { Cell } from "../table/missing.js";
import type { Exclusion } from "../table/exclusion.js";
import type { Provenance } from "../audit/provenance.js";
import type { SensitivityAnalysis } from "../audit/compositeIndexVariants.js";
import type { VerdictSensitivity } from "./verdictTypes.js";
import type { MixAnalysis } from "../mix/mixAnalysis.js";
import type { NeedSupplyAnalysis } from "../supply/needSupplyAnalysis.js";
import type { ResolvedAnalysisConfig } from "./analysisConfig.js";
import type { NeighbourhoodAnalysis } from "../spatial/neighbourhoodAnalysis.js";
import type { CooperationNetwork } from "../network/cooperationNetwork.js";
import type { PoorlyNetworkedResult } from "../network/conspicuousPoorlyNetworked.js";
import type { SozialraumTypesResult } from "../typology/sozialraumTypes.js";
import type { MonitorYearsResult } from "../monitoring/monitorYears.js";

/** Name and hierarchy of an area (from `gebiete.csv`). */
export interface AreaInfo {
  id: string;
  name: string;
  stadtteilId: string;
  stadtteil: string;
  stadtbezirkId: string;
  stadtbezirk: string;
}

/** The standardisation parameters of one indicator (z = direction · (x − mean) / sd). */
export interface StandardizationParameters {
  indicator: string;
  label: string;
  targetGroup: string;
  direction: 1 | -1;
  mean: number;
  sd: number;
  /** Number of areas the mean and SD were computed from. */
  n: number;
}

/** One row of the ranking: every area of the analysis year, ranked by the status index (1 = most need). */
export interface RankingRow {
  /** Rank by status index, 1 = highest index (most disadvantage); ties share the best rank; null: not ranked. */
  rang: number | null;
  sozialraum_id: string;
  sozialraum_name: string;
  stadtteil_name: string;
  stadtbezirk_name: string;
  einwohner: number | null;
  status_index: number | null;
  status_klasse: string | null;
  dynamik_index: number | null;
  dynamik_klasse: string | null;
  /** Berlin MSS combined group, e.g. "3-" (status class number + dynamic sign). */
  gruppe: string | null;
  /** Verdict per target group (ids as in the catalogue, e.g. "children"). */
  verdicts: Record<string, Verdict | null>;
  /** Number of target groups with verdict auffällig or stark auffällig. */
  auffaellige_zielgruppen: number;
  /** Why the area has no rank (German), if it has none. */
  grund: string | null;
}

/** Need of one area for one target group, the input of "Bedarf und Angebot". */
export interface NeedRow {
  id: string;
  group: string;
  /** The group's need index (null: the area has no index for this group). */
  need: number | null;
  /** Verdict of the group is "auffällig" or "stark auffällig". */
  flagged: boolean;
}

/** One input of an analysis as recorded for provenance. */
export interface AnalysisInput {
  /** German role, e.g. "Gebietsliste", "Strukturdaten 2018". */
  role: string;
  /** Path relative to the data folder (or as given when outside it; "tabelle:…" for tables passed in memory). */
  path: string;
  sha256: string;
  bytes: number;
}

/** "Vernetzung": the cooperation network per Sozialraum and the verdict "auffällig, aber kaum vernetzt". */
export interface VernetzungAnalysis {
  name: "vernetzungAnalysis";
  /** `cooperationNetwork` over the areas of the analysis (input order), facilities placed by point in polygon. */
  network: CooperationNetwork;
  /** `conspicuousPoorlyNetworked` for the areas auffällig in at least one target group. */
  poorly: PoorlyNetworkedResult;
}

/** Everything {@link runAnalysis} computed, every intermediate table included, in input order per area. */
export interface AnalysisResult {
  name: "runAnalysis";
  /** The resolved configuration (all defaults filled in). */
  parameters: ResolvedAnalysisConfig;
  /** Areas of the analysis year with names (input order of the structural data). */
  areas: AreaInfo[];
  /** The structural data rows of the analysis year and the comparison year (joined to `gebiete`). */
  data: { current: Record<string, Cell>[]; previous: Record<string, Cell>[] | null };
  /** Area polygons (null without a GeoJSON file). */
  geojson: AreaGeometries | null;
  /** Indicator values with Wilson intervals per year. */
  indicators: { current: IndicatorResult; previous: IndicatorResult | null };
  /** City-wide value per indicator (Σ numerator / Σ denominator over all areas with both counts, in the unit). */
  cityValues: Record<string, number | null>;
  /** Direction-adjusted z-values per area (id column + one column per indicator; missing where not usable). */
  zScores: Record<string, Cell>[];
  /** Mean and SD behind every z-value. */
  standardization: StandardizationParameters[];
  /** Flags and verdicts per area and target group (indicators of the context group carry no verdict). */
  conspicuousness: ConspicuousnessResult;
  statusIndex: CompositeIndexResult;
  /** Changes in percentage points between the years (null without comparison year). */
  changes: IndicatorChangesResult | null;
  dynamicIndex: CompositeIndexResult | null;
  /** Ranked areas first (by rank), then the unranked ones in input order. */
  ranking: RankingRow[];
  /**
   * Need index per target group (key: group id): the status-index method on the group's own indicators
   * (z-values added, the sum standardised again), no classes. The "Bedarf" of "Bedarf und Angebot".
   */
  needIndex: Record<string, CompositeIndexResult>;
  /** Need per area and target group (input order × target groups). */
  need: NeedRow[];
  /** "Bedarf und Angebot" (null: switched off, or no facilities or no map). */
  supply: NeedSupplyAnalysis | null;
  /** The mix of the population (`mixAnalysis`; null: switched off or no usable columns). */
  mix: MixAnalysis | null;
  /** "Nachbarschaft": Moran's I and LISA (null: switched off or no map). */
  neighbourhood: NeighbourhoodAnalysis | null;
  /** "Vernetzung" (null: switched off, or no actor or cooperation file). */
  vernetzung: VernetzungAnalysis | null;
  /**
   * Sensitivity and uncertainty of the status index (`analysisSensitivity` of `src/audit`): method variants and
   * seeded Monte Carlo draws (null: switched off).
   */
  sensitivity: SensitivityAnalysis | null;
  /** Sensitivity of the verdicts per target group (`verdictSensitivity` of `src/audit`; null: switched off). */
  verdictSensitivity: VerdictSensitivity | null;
  /** "Sozialraumtypen" of the analysis year (`sozialraumTypes` of `src/typology`; null: switched off or too few areas). */
  types: SozialraumTypesResult | null;
  /** "Entwicklung über die Erhebungen" (`monitorYears` of `src/monitoring`; null: fewer than two surveys). */
  monitoring: MonitorYearsResult | null;
  /** The inputs with their SHA-256, in reading order. */
  inputs: AnalysisInput[];
  /**
   * Provenance record (`provenance()` of `src/audit`): inputs, every parameter (paths relative to the data
   * folder, without the report date), library version, fingerprint; `createdAt` is the report date, the one
   * time stamp of the outputs.
   */
  provenance: Provenance;
  /** Every area (or area × indicator) left out of a step, with a German reason. */
  excluded: Exclusion[];
  warnings: string[];
}
