/**
 * The specification of the embedded synthetic city: a Leverkusen-like layout (13 Stadtteile in 3 Stadtbezirke)
 * plus the structure planted into it (deprivation hot spots, trends 2014 → 2016 → 2018 → 2020, very small areas, under-supplied
 * areas). Stadtteil seeds are relative to the bounding box (u = 0 west … 1 east, v = 0 south … 1 north); planted
 * features are placed relative to the centre of their Stadtteil (offsets in the same units), so that they land
 * where their label says whatever shape the Stadtteil takes.
 *
 * The names echo Leverkusen's, but every number, border and facility is SYNTHETIC.
 */
export interface StadtteilSpec {
  /** Two-digit number inside the Stadtbezirk ("01"). */
  number: string;
  name: string;
  /** Stadtbezirk number ("01"). */
  bezirk: string;
  /** Seed of the Stadtteil in relative coordinates. */
  u: number;
  v: number;
  /** Number of Sozialräume. */
  sozialraeume: number;
  /** Residents per km² in a typical Sozialraum of this Stadtteil (before noise). */
  density: number;
}

/**
 * A bump of a latent field (deprivation or its change): Gaussian with sigma in lattice cells, centred at the
 * centre of `stadtteil` shifted by (u, v) (fractions of the bounding box, u east, v north).
 */
export interface FieldBump {
  label: string;
  stadtteil: string;
  u: number;
  v: number;
  amplitude: number;
  sigma: number;
}

/** A designated very small Sozialraum: the one of `stadtteil` whose centre is nearest to the Stadtteil's centre
 * shifted by (u, v). */
export interface SmallAreaSpec {
  stadtteil: string;
  name: string;
  u: number;
  v: number;
  /** Residents in 2016 (2018 varies slightly). */
  einwohner: number;
  /** Why so few people live there (German, for the data README). */
  note: string;
}

/** Planted under- or over-supply: applies to the Sozialraum containing the centre of the named bump. */
export interface SupplySpec {
  /** A deprivation {@link FieldBump} label or "stadtteil:<name>". */
  where: string;
  /** Factor on the Kita places a Sozialraum would normally get (1 = normal). */
  kitaFactor?: number;
  /** Facility types that are not placed at all in that area (whole Stadtteil for "stadtteil:"). */
  none?: string[];
  note: string;
}

export interface CitySpec {
  seed: number;
  bbox: { west: number; east: number; south: number; north: number };
  /** Lattice cells west–east and south–north (each Sozialraum is a union of jittered lattice cells). */
  nx: number;
  ny: number;
  bezirke: Array<{ number: string; name: string }>;
  stadtteile: StadtteilSpec[];
  deprivation: FieldBump[];
  /** Change of the latent deprivation from 2016 to 2018. */
  trend: FieldBump[];
  /** Change of the latent deprivation from 2014 to 2016 (the panel's earlier survey). */
  trendBefore: FieldBump[];
  /** Change of the latent deprivation from 2018 to 2020 (the panel's later survey). */
  trendAfter: FieldBump[];
  /** Population growth 2016 → 2018 in the Sozialräume nearest these bumps (amplitude = growth factor − 1). */
  growth: FieldBump[];
  smallAreas: SmallAreaSpec[];
  supply: SupplySpec[];
  /** City totals the population is scaled to. */
  einwohner: { 2014: number; 2016: number; 2018: number; 2020: number };
}

/** The default seed of the embedded city (data/ is generated with it). */
export const SYNTHETIC_CITY_SEED = 20190531;

/** The embedded city: Leverkusen-like, 13 Stadtteile, 3 Stadtbezirke, 61 Sozialräume. */
export const SYNTHETIC_CITY_SPEC: CitySpec = {
  seed: SYNTHETIC_CITY_SEED,
  bbox: { west: 6.95, east: 7.15, south: 51.0, north: 51.1 },
  nx: 56,
  ny: 44,
  bezirke: [
    { number: "01", name: "Stadtbezirk I" },
    { number: "02", name: "Stadtbezirk II" },
    { number: "03", name: "Stadtbezirk III" },
  ],
  stadtteile: [
    { bezirk: "01", number: "01", name: "Wiesdorf", u: 0.27, v: 0.33, sozialraeume: 6, density: 6200 },
    { bezirk: "01", number: "02", name: "Manfort", u: 0.41, v: 0.2, sozialraeume: 4, density: 4600 },
    { bezirk: "01", number: "03", name: "Rheindorf", u: 0.2, v: 0.64, sozialraeume: 6, density: 4400 },
    { bezirk: "01", number: "04", name: "Hitdorf", u: 0.08, v: 0.55, sozialraeume: 3, density: 1500 },
    { bezirk: "01", number: "05", name: "Küppersteg", u: 0.38, v: 0.44, sozialraeume: 4, density: 4200 },
    { bezirk: "01", number: "06", name: "Bürrig", u: 0.36, v: 0.64, sozialraeume: 4, density: 3000 },
    { bezirk: "02", number: "01", name: "Opladen", u: 0.53, v: 0.65, sozialraeume: 7, density: 5200 },
    { bezirk: "02", number: "02", name: "Quettingen", u: 0.56, v: 0.86, sozialraeume: 4, density: 3000 },
    { bezirk: "02", number: "03", name: "Bergisch Neukirchen", u: 0.78, v: 0.83, sozialraeume: 4, density: 1400 },
    { bezirk: "03", number: "01", name: "Schlebusch", u: 0.63, v: 0.28, sozialraeume: 7, density: 3800 },
    { bezirk: "03", number: "02", name: "Steinbüchel", u: 0.84, v: 0.38, sozialraeume: 5, density: 2600 },
    { bezirk: "03", number: "03", name: "Lützenkirchen", u: 0.74, v: 0.6, sozialraeume: 4, density: 2200 },
    { bezirk: "03", number: "04", name: "Alkenrath", u: 0.52, v: 0.45, sozialraeume: 3, density: 3400 },
  ],
  deprivation: [
    { label: "Rheindorf: Großwohnsiedlung", stadtteil: "Rheindorf", u: 0, v: 0.03, amplitude: 2.6, sigma: 3.5 },
    { label: "Wiesdorf/Manfort: Innenstadt und Arbeitersiedlungen", stadtteil: "Wiesdorf", u: 0.06, v: -0.03, amplitude: 2.0, sigma: 4.5 },
    { label: "Opladen: Innenstadt", stadtteil: "Opladen", u: 0, v: 0.02, amplitude: 1.4, sigma: 3.5 },
    { label: "Steinbüchel: Siedlung", stadtteil: "Steinbüchel", u: 0, v: 0.05, amplitude: 1.3, sigma: 3 },
    { label: "Schlebusch (wohlhabend)", stadtteil: "Schlebusch", u: 0, v: -0.05, amplitude: -1.6, sigma: 6 },
    { label: "Bergisch Neukirchen (wohlhabend)", stadtteil: "Bergisch Neukirchen", u: 0, v: 0, amplitude: -1.5, sigma: 7 },
    { label: "Lützenkirchen (wohlhabend)", stadtteil: "Lützenkirchen", u: 0, v: 0, amplitude: -1.0, sigma: 5 },
    { label: "Hitdorf (wohlhabend)", stadtteil: "Hitdorf", u: 0, v: 0, amplitude: -0.8, sigma: 5 },
  ],
  trend: [
    { label: "Opladen: neue Bahnstadt (Verbesserung)", stadtteil: "Opladen", u: 0, v: 0, amplitude: -0.6, sigma: 5 },
    { label: "Rheindorf: Großwohnsiedlung (Verschlechterung)", stadtteil: "Rheindorf", u: 0, v: 0.03, amplitude: 0.35, sigma: 3.5 },
    { label: "Manfort (Verschlechterung)", stadtteil: "Manfort", u: 0, v: 0, amplitude: 0.4, sigma: 4 },
  ],
  trendBefore: [
    { label: "Opladen: Bahnstadt in Planung (Verbesserung)", stadtteil: "Opladen", u: 0, v: 0, amplitude: -0.35, sigma: 5 },
    { label: "Rheindorf: Großwohnsiedlung (Verschlechterung)", stadtteil: "Rheindorf", u: 0, v: 0.03, amplitude: 0.25, sigma: 3.5 },
    { label: "Manfort (Verschlechterung)", stadtteil: "Manfort", u: 0, v: 0, amplitude: 0.35, sigma: 4 },
  ],
  trendAfter: [
    { label: "Opladen: neue Bahnstadt (Verbesserung)", stadtteil: "Opladen", u: 0, v: 0, amplitude: -0.45, sigma: 5 },
    { label: "Manfort (Verschlechterung)", stadtteil: "Manfort", u: 0, v: 0, amplitude: 0.4, sigma: 4 },
    { label: "Steinbüchel: Siedlung, Sanierung ab 2018 (Verbesserung)", stadtteil: "Steinbüchel", u: 0, v: 0.05, amplitude: -0.9, sigma: 3 },
  ],
  growth: [{ label: "Opladen: neue Bahnstadt", stadtteil: "Opladen", u: 0, v: 0, amplitude: 0.05, sigma: 4 }],
  smallAreas: [
    { stadtteil: "Wiesdorf", name: "Chempark", u: -0.12, v: 0, einwohner: 134, note: "Industriegebiet am Rhein, wenige Werkswohnungen" },
    { stadtteil: "Steinbüchel", name: "Bürgerbusch", u: 0.1, v: -0.06, einwohner: 61, note: "Wald- und Freizeitgebiet, einzelne Forsthäuser" },
    { stadtteil: "Quettingen", name: "Fixheide", u: -0.1, v: 0.03, einwohner: 248, note: "Gewerbegebiet mit wenigen Wohnhäusern" },
  ],
  supply: [
    { where: "Rheindorf: Großwohnsiedlung", kitaFactor: 0.35, note: "Kita-Plätze weit unter Bedarf" },
    { where: "stadtteil:Rheindorf", none: ["Jugendzentrum"], note: "kein Jugendzentrum im ganzen Stadtteil" },
    { where: "Wiesdorf/Manfort: Innenstadt und Arbeitersiedlungen", kitaFactor: 0.5, note: "Kita-Plätze deutlich unter Bedarf" },
    { where: "stadtteil:Manfort", none: ["Familienzentrum"], note: "kein Familienzentrum im ganzen Stadtteil" },
    { where: "Steinbüchel: Siedlung", kitaFactor: 0.6, none: ["Seniorentreff"], note: "wenige Kita-Plätze, kein Seniorentreff" },
    { where: "stadtteil:Schlebusch", kitaFactor: 1.3, note: "überdurchschnittlich versorgt" },
  ],
  einwohner: { 2014: 162_905, 2016: 163_487, 2018: 164_220, 2020: 164_683 },
};
