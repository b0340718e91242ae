import type { AreaCounts, SurveyYear } from "./strukturdaten.js";

/** Everything the generator knows about one Sozialraum (the published files show only part of it). */
export interface SyntheticArea {
  /** "BBTTSS": Stadtbezirk, Stadtteil, Sozialraum. */
  id: string;
  name: string;
  stadtteilId: string;
  stadtteilName: string;
  stadtbezirkId: string;
  stadtbezirkName: string;
  /** Closed border ring, [lon, lat], counter-clockwise. */
  ring: Array<[number, number]>;
  areaKm2: number;
  /** Centre in lattice cell units (x east, y north). */
  x: number;
  y: number;
  /** Latent deprivation (z-scale, + = more deprived) per survey year; standardised across Sozialräume in 2016. */
  deprivation: Record<SurveyYear, number>;
  /** Latent ageing (z-scale, + = older population). */
  ageing: number;
  counts: Record<SurveyYear, AreaCounts>;
  /** Labels of the planted deprivation bumps whose centre lies in this Sozialraum. */
  hotspots: string[];
  /** Note of a planted very small area, if this is one. */
  small?: string;
  /** Planted supply situation. */
  supply: { kitaFactor: number; none: string[]; notes: string[] };
}
