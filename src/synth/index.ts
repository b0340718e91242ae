/**
 * The embedded synthetic city: a seeded generator of a Leverkusen-like city (SYNTHETIC data) for examples,
 * notebooks and end-to-end tests; its output is committed in data/ (see data/README.md).
 * @module
 */
export { generateSyntheticCity } from "./generateSyntheticCity.js";
export type { GebietRow, SozialraumFeature, SyntheticCity } from "./generateSyntheticCity.js";
export { syntheticCityFiles, writeSyntheticCity, SYNTHETIC_CITY_FILES } from "./syntheticCityFiles.js";
export { SYNTHETIC_CITY_SEED, SYNTHETIC_CITY_SPEC } from "./citySpec.js";
export type { CitySpec, FieldBump, SmallAreaSpec, StadtteilSpec, SupplySpec } from "./citySpec.js";
export type { SyntheticArea } from "./syntheticArea.js";
export type { AreaCounts, SurveyYear } from "./strukturdaten.js";
export { SURVEY_YEARS } from "./strukturdaten.js";
export type { PanelBasis, PanelYear } from "./panelYears.js";
export type { FacilityRow, FacilityType } from "./facilities.js";
export type { ObservationRow, PlantedObservation } from "./observations.js";
export type { ActorRow, CooperationRow, NetworkPlan } from "./network.js";
