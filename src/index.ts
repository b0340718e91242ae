/**
 * sozialraum — Sozialraumanalyse in TypeScript.
 *
 * The public API, curated by hand: each block below is one stage of the analysis, in the order the data flows
 * (stats, inference → io → table → indicators → standardize → classify → mix / spatial / supply → audit → analysis, then the
 * presentation: plot, render, report, export, notebook; and the orchestration: pipeline). Functions not listed
 * here are internal; their folder's index.ts exports them for the library's own use and tests.
 * New stages (e.g. typology, network, table sources) get their own block in this order.
 *
 * @packageDocumentation
 */

// Inference: seeded random numbers and permutation p-values (src/inference)
export {
  createRng, permutationInference, sampleBinomial, DEFAULT_SEED,
} from "./inference/index.js";
export type {
  PermutationInference, Rng,
} from "./inference/index.js";

// Shared statistics helpers: ranks, quantiles, rank correlation (src/stats)
export {
  spearman, spearmanComplete, quantileType7,
} from "./stats/index.js";
export type {
  TieMethod,
} from "./stats/index.js";

// Reading data: CSV, XLSX and GeoJSON with German number formats (src/io)
export {
  readCsv, parseCsv, readCsvColumns, readXlsx, parseXlsx, readGeoJson, parseGeoJson, readGeometry,
  checkKeys, mapKeys, geoJsonTable, parseGermanNumber, formatGermanNumber, DEFAULT_MISSING_MARKERS,
} from "./io/index.js";
export type {
  AreaFeature, AreaFeatureCollection, AreaGeometries, AreaGeometry, CellOptions, CsvOptions, DecimalMark,
  DecodedText, GeoJsonAreaFeature, GeoJsonOptions, MultiPolygonGeometry, PolygonGeometry, Position,
  TextEncodingOption, XlsxOptions, CsvColumns, ReadCsvColumnsOptions, GeometryOptions, ShapefileOptions, KeyCheck,
  KeyMapping, MappedAreas, GermanNumberOptions,
} from "./io/index.js";

// Area tables: missing values, checks, joins and data errors (src/table)
export {
  Missing, missing, isMissing, DataError, areaTableFromRows, checkAreaTable, joinAreaTables,
} from "./table/index.js";
// One table input for every function that reads a table: TableLike (plain rows, an AreaTable, an arquero table,
// a column table, column data). RowsInput (indicators), TableInput (classify), MixInput (mix), HtmlTableInput
// (notebook) and RowsOrTable (danfo adapter) are aliases of it, kept for existing code.
export type {
  AreaRow, AreaTable, AreaTableCheck, AreaTableSource, Cell, CheckAreaTableOptions, ColumnTableLike, ColumnType,
  DataProblem, Exclusion, JoinAreaTablesOptions, JoinAreaTablesResult, RatioDeclaration, TableLike, TableRow,
} from "./table/index.js";

// Indicators: rates, intervals, smoothing, target groups (src/indicators)
export {
  DEFAULT_INDICATORS, TARGET_GROUPS, TARGET_GROUP_LABELS, validateIndicators, indicatorColumns,
  computeIndicators, indicatorRows, indicatorLongRows, aggregateCounts, drillDown, wilsonInterval,
  empiricalBayesRates, empiricalBayesStandardizedRates, localEmpiricalBayesRates,
} from "./indicators/index.js";
export type {
  AggregateCountsOptions, AggregateGroup, AggregateResult, AreaIndicators, ComputeIndicatorsOptions,
  DrillDownOptions, EmpiricalBayesOptions, EmpiricalBayesResult, EmpiricalBayesStandardizedResult,
  IndicatorDefinition, IndicatorDirection, IndicatorLongRow, IndicatorResult, IndicatorRowsOptions,
  IndicatorSmoothing, IndicatorStatus, IndicatorUnit, IndicatorValue, LocalEmpiricalBayesOptions,
  LocalEmpiricalBayesResult, RowsInput, TargetGroup, ValidateIndicatorsOptions, ValidatedIndicator,
  WilsonInterval, WilsonIntervalOptions,
} from "./indicators/index.js";

// Standardisation (src/standardize)
export {
  zScores, robustZ, minMax, percentileRank, rank, standardizeTable,
} from "./standardize/index.js";
export type {
  Direction, MeanAndSd, MeanAndSdOptions, MinMaxOptions, MinMaxResult, PercentileRankOptions,
  PercentileRankResult, RankOptions, RankResult, RobustZOptions, RobustZResult, StandardizeColumn,
  StandardizeCommonOptions, StandardizeTableOptions, StandardizeTableResult, StandardizedBase, ZScoresOptions,
  ZScoresResult,
} from "./standardize/index.js";

// Classification: conspicuousness, composite indices, class schemes (src/classify)
export {
  conspicuousness, compositeIndex, indicatorChanges, assignClass, berlinMssStatus, berlinMssDynamic,
  berlinMssGroup, berlinMssGroups, DEFAULT_THRESHOLDS, DEFAULT_VERDICT_RULE,
} from "./classify/index.js";
export type {
  AreaConspicuousness, ClassDefinition, ClassScheme, ColumnData, CompositeArea, CompositeColumns,
  CompositeComponent, CompositeIndexOptions, CompositeIndexResult, CompositeIndicator, ConspicuousnessOptions,
  ConspicuousnessResult, ConspicuousnessThresholds, FlagIndicator, GroupVerdict, IndicatorChangesOptions,
  IndicatorChangesResult, IndicatorFlag, TableInput, ValidRule, Verdict, VerdictRule,
} from "./classify/index.js";

// Mix and segregation (src/mix)
export {
  dissimilarity, gini, theilH, isolation, interaction, atkinson, correlationRatio, multigroupDissimilarity,
  multigroupGini, multigroupTheilH, multigroupDiversity, normalizedExposure, locationQuotients, localDiversity,
  mixDeviation, segregationPermutationTest, compareSegregation, biasCorrectedDissimilarity, mixAnalysis,
} from "./mix/index.js";
export type {
  AreaOptions, AtkinsonOptions, AtkinsonResult, BiasCorrectedDissimilarityOptions,
  BiasCorrectedDissimilarityResult, ColumnarTable, CompareSegregationOptions, CompareSegregationResult,
  ComparisonApproach, IndexResult, LocalDiversityArea, LocalDiversityResult, LocationQuotientArea,
  LocationQuotientsResult, MissingPolicy, MixAnalysis, MixAnalysisOptions, MixArea, MixBaseOptions,
  MixDeviationArea, MixDeviationOptions, MixDeviationResult, MixGroupIndices, MixIndexFunction, MixInput,
  MultigroupDiversityOptions, MultigroupDiversityResult, MultigroupOptions, MultigroupResult,
  PermutationOptions, SegregationNull, SegregationTestFields, SegregationTestOptions, SingleGroupOptions,
  SingleGroupResult,
} from "./mix/index.js";

// Spatial statistics: weights, Moran's I, Geary's C, LISA, neighbourhood (src/spatial)
export {
  contiguityWeights, knnWeights, distanceBandWeights, weightsFromNeighbors, binaryWeights, rowStandardize,
  readGal, writeGal, spatialLag, moran, geary, localMoran, benjaminiHochberg, dropMissingValues,
  neighbourhoodContext, neighbourhoodPosition, neighbourhoodPositions, neighbourhoodAnalysis,
} from "./spatial/index.js";
export type {
  CompleteAreas, ContiguityOptions, DistanceBandOptions, GearyOptions, GearyResult, GlobalAlternative,
  GlobalTestInference, GlobalTestOptions, KnnOptions, LisaCluster, LisaQuadrant, LocalMoranArea,
  LocalMoranOptions, MoranOptions, MoranResult, NeighbourhoodAnalysis, NeighbourhoodAnalysisOptions,
  NeighbourhoodContextOptions, NeighbourhoodContextRow, NeighbourhoodMoran, NeighbourhoodPosition,
  NeighbourhoodPositionRow, NeighbourhoodVariable, SpatialFeature, SpatialFeatureCollection, SpatialWeights,
  WeightsFromNeighborsOptions, WeightsTransformOption, WriteGalOptions,
} from "./spatial/index.js";

// Need and supply: facilities, catchments, observations (src/supply)
export {
  readFacilities, parseFacilities, assignPointsToAreas, areaCentroids, TARGET_GROUP_POPULATION_COLUMNS,
  targetGroupPopulation, supplyRatios, supplyWithinReach, twoStepFloatingCatchment, compareNeedSupply,
  readObservations, parseObservations, observationsTable, needsNotVisible, needSupplyAnalysis,
  DEFAULT_SERVING_TYPES, supplyGaps, observationContradictions,
} from "./supply/index.js";
export type {
  AreaCentroid, AreaIndex, AreaPoint, AssignPointsOptions, CatchmentDecay, CatchmentDemand, CatchmentSupply,
  CompareNeedSupplyOptions, CompareNeedSupplyResult, Facility, NeedNotVisibleRow, NeedSupplyAnalysis,
  NeedSupplyGroup, NeedSupplyInput, NeedSupplyOptions, NeedSupplyRow, NeedsNotVisibleOptions,
  NeighborStructure, Observation, ObservationTableRow, ServingType, SupplyGapRow, SupplyGapsResult, Contradiction,
  ObservationContradictionsResult, ParseFacilitiesOptions, ParseObservationsOptions,
  PointLocation, Quadrant, SupplyFacility, SupplyMeasure, SupplyRatiosOptions, SupplyRatiosResult, SupplyRow,
  SupplyWithinReachResult, SupplyWithinReachRow, TargetGroupPopulationRow, TwoStepFloatingCatchmentOptions,
  TwoStepFloatingCatchmentResult,
} from "./supply/index.js";

// Audit: provenance, disclosure control, sensitivity (src/audit)
export {
  provenance, sha256, stableStringify, suppressDisclosive, runSensitivity, summarizeSensitivity,
  compositeSensitivity, compositeIndexEvaluator, compositeIndexVariants, monteCarloVariants,
} from "./audit/index.js";
export type {
  AreaSensitivity, CompositeIndexEvaluator, CompositeSensitivityOptions, CompositeVariantSpec,
  DisclosureOptions, DisclosureResult, FamilySensitivity, IndexNormalization, IndexVariantArea,
  IndexVariantGeneratorOptions, IndexVariantOptions, IndexVariantResult, MonteCarloOptions, Provenance,
  ProvenanceInput, RunSensitivityOptions, SensitivityAnalysis, SensitivityOutcomeRow, SensitivityResult,
  SensitivitySummary, SensitivityVariant, SpearmanMatrix, SuppressedCell, VariantFamilyId, VariantIndicator,
  VariantOutcome,
} from "./audit/index.js";

// The analysis: its data model and its sensitivity (src/analysis)
export {
  targetGroupLabel, verdictEvaluator, verdictVariants, verdictSensitivity, VERDICT_SEVERITY, DEFAULT_ANALYSIS_CONFIG,
} from "./analysis/index.js";
export type {
  AnalysisConfig, AnalysisConfigDefaults, AnalysisEvaluator, AnalysisInput, AnalysisResult, AreaInfo,
  IndexIndicator, MixConfig,
  NeedRow, NeighbourhoodConfig, RankingRow, ReanalyseRows, ResolvedAnalysisConfig, SensitivityConfig,
  StandardizationParameters, SupplyConfig, VerdictAreaSensitivity, VerdictEvaluation, VerdictEvaluator,
  VerdictFamilyId, VerdictGroupSensitivity, VerdictRow, VerdictSensitivity, VerdictSensitivityOptions,
  VerdictVariant, VerdictVariantGeneratorOptions, VerdictVariantOptions,
  HealthyMixSummary, SummaryArea, SummaryGroupVerdict, VernetzungAnalysis, VernetzungConfig,
} from "./analysis/index.js";

// Figures (plotly specifications) (src/plot)
export {
  rankingBarFigure, zScoreHeatmapFigure, classMapFigure, indicatorBarFigure, choroplethFigure,
  moranScatterFigure, rankIntervalFigure, quadrantFigure, supplyMapFigure, gapMapFigure,
} from "./plot/index.js";
export type {
  ChoroplethFeatureCollection, ChoroplethOptions, ClassMapOptions, Figure, HeatmapIndicator,
  IndicatorBarOptions, MapFeatureCollection, MoranScatterOptions, QuadrantFigureOptions,
  RankIntervalFigureOptions, RankingBarOptions, SupplyMapOptions, ZScoreHeatmapOptions,
} from "./plot/index.js";

// Offline HTML of figures (src/render)
export type {
  FigureHtmlOptions, FiguresToHtmlOptions, NotebookFigureOptions, TitledFigure,
} from "./render/index.js";

// Report: sections, HTML report and Excel workbook (src/report)
export {
  analysisReport, reportHtml, reportWorkbook, protectTable, flattenParameters, mixSection,
  supplySection, sensitivitySection, methodAppendixSection,
} from "./report/index.js";
export type {
  HighlightLevel, MethodAppendixOptions, MixMapOptions, MixSectionOptions, ProtectedTable, ReportDocument,
  ReportParameter, ReportSection, ReportTable, ReportWorkbookOptions, SensitivitySectionOptions, TableColumn,
  TableDisclosureRules, TableHighlight, VerdictSensitivityTablesOptions,
} from "./report/index.js";

// Figure export (PNG/SVG through headless Chromium) (src/export)
export {
  exportFigures, createFigureExporter, DEFAULT_CHROMIUM_PATH,
} from "./export/index.js";
export type {
  ExportFiguresOptions, ExportReportFiguresOptions, ExportedFigure, FigureExporter, FigureExporterOptions,
  ImageFormat, ImageOptions, NamedFigure,
} from "./export/index.js";

// Notebook display helpers (tslab) (src/notebook)
export {
  showTable, showFigure, showHtml, showMarkdown, htmlTable,
} from "./notebook/index.js";
export type {
  HtmlTableColumn, HtmlTableInput, HtmlTableOptions, NotebookDisplay,
} from "./notebook/index.js";

// The pipeline: configuration, run and outputs (src/pipeline)
export {
  runAnalysis, analyseTables, resolveAnalysisConfig, loadAnalysisConfig, readAreaGeoJson, writeAnalysisOutputs,
  rankingCsv, analysisSensitivity, analysisEvaluator, analysisVariants, EMBEDDED_DATA_DIR,
} from "./pipeline/index.js";
export type {
  AnalysisOutputs, AnalysisProgress, AnalysisRunOptions, AnalysisTables, InputContent, OutputProvenance,
  RunAnalysisOptions, WriteAnalysisOutputsOptions,
} from "./pipeline/index.js";

// Synthetic example city (src/synth)
export {
  generateSyntheticCity,
} from "./synth/index.js";
export type {
  AreaCounts, CitySpec, FacilityRow, FacilityType, FieldBump, GebietRow, ObservationRow, PlantedObservation,
  SmallAreaSpec, SozialraumFeature, StadtteilSpec, SupplySpec, SyntheticArea, SyntheticCity,
} from "./synth/index.js";

// Training: self-checks for exercises (src/training)
export {
  check, checkAnswer, checkSummary, resetChecks,
} from "./training/index.js";
export type {
  CheckResult, CheckSummaryOptions, CheckTally, CheckValue,
} from "./training/index.js";

// Adapters
export { toDanfo, fromDanfo } from "./adapters/danfo.js";
export type { RowsOrTable, ToDanfoOptions, FromDanfoOptions } from "./adapters/danfo.js";

export { VERSION } from "./version.js";

// Data sources: a city's own tables described in the configuration's `sources` block (src/sources)
export {
  loadSources, checkSources, SourcesError, } from "./sources/index.js";
export type {
  LoadedSources, LoadSourcesOptions, SourceArea, SourcesCheck, SourcesConfig, SourceTableConfig, AreasConfig,
  SourceColumnSpec, SourceColumnKind, ShareIndicatorDefinition, ChangeIndicatorDefinition, ResolvedShareIndicator,
  ResolvedChangeIndicator, SourceProblem, DroppedRow, SourceFile, CellOrigin, SumRow, SourcesProposal,
} from "./sources/index.js";

// Vernetzung: cooperation network of facilities and local actors per Sozialraum (src/network)
export {
  readActors, readCooperations, parseCooperations, cooperationNetwork, conspicuousPoorlyNetworked,
} from "./network/index.js";
export type {
  Actor, ActorOptions, Cooperation, CooperationNetwork, CooperationNetworkInput, NetworkAreaRow, NetworkEdge,
  NetworkFacility, NetworkNode, PoorlyNetworkedOptions, PoorlyNetworkedResult, PoorlyNetworkedRow,
} from "./network/index.js";
export { networkFigure } from "./plot/networkFigure.js";
export type { NetworkFigureOptions } from "./plot/networkFigure.js";
export { vernetzungSection } from "./report/sections/vernetzungSection.js";
export type { VernetzungSectionOptions } from "./report/sections/vernetzungSection.js";

// Sozialraumtypen and monitoring across years (src/typology)
export {
  principalComponents, varimax, hierarchicalClustering, cutTree, kMeans, silhouette, adjustedRandIndex,
  clusterStability, sozialraumTypes, classTransitions, auffaelligPersistence,
} from "./typology/index.js";
export type {
  PrincipalComponentsOptions, PrincipalComponentsResult, VarimaxResult, Linkage, HierarchicalTree, KMeansOptions,
  KMeansResult, SilhouetteResult, ClusterStabilityOptions, ClusterStabilityEntry, ClusterStabilityResult, ProfileEntry,
  TypeProfile, SozialraumTypesOptions, SozialraumTypeArea, SozialraumTypesResult, YearClasses, ClassTransitionTable,
  AreaPersistence,
} from "./typology/index.js";

// Monitoring across survey years (src/monitoring) and its figures: time series, verdicts per year, transitions, persistence
export { indicatorTimeSeries, monitorYears } from "./monitoring/index.js";
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
