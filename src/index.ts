/**
 * sozialraum — Sozialraumanalyse in TypeScript.
 *
 * The public barrel. Every stage of the analysis has its own module; this file only re-exports them.
 * @packageDocumentation
 */
export * from "./inference/index.js";
export * from "./io/index.js";
export * from "./table/index.js";
export * from "./indicators/index.js";
export * from "./standardize/index.js";
export * from "./classify/index.js";
export * from "./mix/index.js";
export * from "./spatial/index.js";
export * from "./supply/index.js";
export * from "./plot/index.js";
export * from "./render/index.js";
export * from "./report/index.js";
export * from "./audit/index.js";
export * from "./notebook/index.js";
export * from "./synth/index.js";
// Vernetzung: cooperation network of facilities and local actors per Sozialraum (computation, map, report section)
export {
  ACTOR_KINDS,
  readActors,
  parseActors,
  readCooperations,
  parseCooperations,
  cooperationNetwork,
  conspicuousPoorlyNetworked,
} from "./network/index.js";
export type {
  Actor,
  ActorOptions,
  Cooperation,
  CooperationNetwork,
  CooperationNetworkInput,
  NetworkAreaRow,
  NetworkEdge,
  NetworkFacility,
  NetworkNode,
  PoorlyNetworkedOptions,
  PoorlyNetworkedResult,
  PoorlyNetworkedRow,
} from "./network/index.js";
export { networkFigure } from "./plot/networkFigure.js";
export type { NetworkFigureOptions } from "./plot/networkFigure.js";
export { vernetzungSection } from "./report/sections/vernetzungSection.js";
export type { VernetzungSectionOptions } from "./report/sections/vernetzungSection.js";
export * from "./pipeline/index.js";
export * from "./export/index.js";
export * from "./training/index.js";
export * from "./adapters/danfo.js";
export { VERSION } from "./version.js";

// Sozialraumtypen and monitoring across years (src/typology)
export {
  principalComponents,
  principalComponentsOfMatrix,
  varimax,
  hierarchicalClustering,
  cutTree,
  kMeans,
  silhouette,
  adjustedRandIndex,
  clusterStability,
  typeProfiles,
  sozialraumTypes,
  classTransitions,
  auffaelligPersistence,
} from "./typology/index.js";
export type {
  PrincipalComponentsOptions,
  PrincipalComponentsResult,
  VarimaxResult,
  Linkage,
  HierarchicalTree,
  KMeansOptions,
  KMeansResult,
  SilhouetteResult,
  ClusterStabilityOptions,
  ClusterStabilityEntry,
  ClusterStabilityResult,
  ProfileEntry,
  TypeProfile,
  SozialraumTypesOptions,
  SozialraumTypeArea,
  SozialraumTypesResult,
  YearClasses,
  ClassTransitionTable,
  AreaPersistence,
} from "./typology/index.js";
// Data sources: a city's own tables described in the configuration's `sources` block (src/sources).
export { loadSources, checkSources, SOURCES_ID, validateSourcesConfig, SourcesError, formatSourceProblem, detectSumRows, proposeSourcesConfig } from "./sources/index.js";
export type {
  LoadedSources,
  LoadSourcesOptions,
  SourceArea,
  SourcesCheck,
  SourcesConfig,
  SourceTableConfig,
  AreasConfig,
  SourceColumnSpec,
  SourceColumnKind,
  ShareIndicatorDefinition,
  ChangeIndicatorDefinition,
  ResolvedShareIndicator,
  ResolvedChangeIndicator,
  SourceProblem,
  DroppedRow,
  SourceFile,
  CellOrigin,
  SumRow,
  SourcesProposal,
} from "./sources/index.js";
// Geometry: boundary files (GeoJSON, Shapefile) in any common CRS, reprojected to WGS84; map/table key checks.
export { readGeometry, readShapefile, guessProjectedCrs, checkKeys, mapKeys } from "./io/index.js";
export type { GeometryOptions, ShapefileOptions, KeyCheck, KeyMapping, MappedAreas, AreaGeometries, AreaFeatureCollection } from "./io/index.js";

// Monitoring across survey years (src/monitoring) and its figures: time series, verdicts per year, transitions, persistence
export { indicatorTimeSeries, yearVerdicts, monitorYears } from "./monitoring/index.js";
export type {
  IndicatorSeries,
  YearIndicators,
  YearVerdictsOptions,
  YearVerdictsResult,
  MonitorYearsOptions,
  MonitorYearsResult,
  YearTable,
} from "./monitoring/index.js";
export { transitionFigure } from "./plot/transitionFigure.js";
export type { TransitionFigureOptions } from "./plot/transitionFigure.js";
export { typeMapFigure } from "./plot/typeMapFigure.js";
export type { TypeMapOptions } from "./plot/typeMapFigure.js";
