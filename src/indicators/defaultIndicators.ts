import type { IndicatorDefinition } from "./indicatorDefinition.js";

/** Residents 15 to under 65 in the synthetic city's age bands (the base of the working-age rates). */
const AGE_15_64: readonly string[] = ["ew_15_17", "ew_18_24", "ew_25_64"];
/** Residents under 15. */
const AGE_0_14: readonly string[] = ["ew_0_5", "ew_6_14"];

const BA = "Statistik der Bundesagentur für Arbeit";
const EMR = "Einwohnermelderegister";

/**
 * The default indicator catalogue, one rate per entry, over the columns of the synthetic city
 * (`data/strukturdaten_*.csv`). Ordered by target group: Kinder und Jugendliche, Erwerbsfähige, Ältere, Kontext.
 *
 * Definitions follow the usual German Sozialberichterstattung (Sozialbericht Leverkusen 2019; Berlin
 * Monitoring Soziale Stadtentwicklung 2021: S1 Arbeitslosigkeit, S3 Transferbezug, S4 Kinderarmut).
 * Transferbezug counts SGB-II recipients **and** Grundsicherung im Alter (SGB XII, 65+) per resident, as the
 * Berlin S3 counts all minimum-income benefits; the SGB-II share alone is `sgb2_anteil`.
 * `minimumBase` is a rule of thumb: with fewer than 20 persons in the base one person more or less moves a rate
 * by over 5 percentage points. Context indicators describe the structure of an area and carry no valuation;
 * their direction only orders tables and is not meant for a disadvantage index.
 *
 * A frozen array: copy it (`[...DEFAULT_INDICATORS]`) to add or replace indicators.
 *
 * @example
 * DEFAULT_INDICATORS.filter((d) => d.targetGroup === "children").map((d) => d.id);
 * // ["kinderarmut", "alleinerziehende", "jugendarbeitslosigkeit"]
 */
export const DEFAULT_INDICATORS: readonly IndicatorDefinition[] = Object.freeze(
  ([
    {
      id: "kinderarmut",
      label: "Kinderarmut",
      targetGroup: "children",
      numerator: ["sgb2_unter_15"],
      denominator: AGE_0_14,
      unit: "%",
      direction: 1,
      minimumBase: 20,
      source: `SGB-II-Leistungsberechtigte unter 15 Jahren je 100 Einwohner unter 15 Jahren (${BA}; ${EMR}); vgl. MSS Berlin S4`,
    },
    {
      id: "alleinerziehende",
      label: "Alleinerziehende",
      targetGroup: "children",
      numerator: ["hh_alleinerziehend"],
      denominator: ["hh_mit_kindern"],
      unit: "%",
      direction: 1,
      minimumBase: 20,
      source: `Haushalte von Alleinerziehenden je 100 Haushalte mit Kindern (Haushaltegenerierung aus dem ${EMR})`,
    },
    {
      id: "jugendarbeitslosigkeit",
      label: "Jugendarbeitslosigkeit",
      targetGroup: "children",
      numerator: ["arbeitslose_15_24"],
      denominator: ["ew_15_17", "ew_18_24"],
      unit: "%",
      direction: 1,
      minimumBase: 20,
      source: `Arbeitslose 15 bis unter 25 Jahre je 100 Einwohner 15 bis unter 25 Jahre (${BA}; ${EMR})`,
    },
    {
      id: "sgb2_quote",
      label: "SGB-II-Quote 15–64",
      targetGroup: "working-age",
      numerator: ["sgb2_elb_15_64"],
      denominator: AGE_15_64,
      unit: "%",
      direction: 1,
      minimumBase: 20,
      source: `Erwerbsfähige Leistungsberechtigte nach SGB II je 100 Einwohner 15 bis unter 65 Jahre (${BA}; ${EMR})`,
    },
    {
      id: "arbeitslosigkeit",
      label: "Arbeitslosigkeit",
      targetGroup: "working-age",
      numerator: ["arbeitslose"],
      denominator: AGE_15_64,
      unit: "%",
      direction: 1,
      minimumBase: 20,
      source: `Arbeitslose (SGB II und SGB III) je 100 Einwohner 15 bis unter 65 Jahre (${BA}; ${EMR})`,
    },
    {
      id: "arbeitslosigkeit_sgb2",
      label: "Arbeitslosigkeit SGB II",
      targetGroup: "working-age",
      numerator: ["arbeitslose_sgb2"],
      denominator: AGE_15_64,
      unit: "%",
      direction: 1,
      minimumBase: 20,
      source: `Arbeitslose im Rechtskreis SGB II je 100 Einwohner 15 bis unter 65 Jahre (${BA}; ${EMR}); vgl. MSS Berlin S1`,
    },
    {
      id: "transferbezug",
      label: "Transferbezug",
      targetGroup: "working-age",
      numerator: ["sgb2_personen", "grundsicherung_65_plus"],
      denominator: ["einwohner"],
      unit: "%",
      direction: 1,
      minimumBase: 20,
      source: `Personen in SGB-II-Bedarfsgemeinschaften und Empfänger von Grundsicherung im Alter (SGB XII, 65+) je 100 Einwohner (${BA}; Sozialamt; ${EMR}); vgl. MSS Berlin S3`,
    },
    {
      id: "altersarmut",
      label: "Altersarmut",
      targetGroup: "elderly",
      numerator: ["grundsicherung_65_plus"],
      denominator: ["ew_65_plus"],
      unit: "%",
      direction: 1,
      minimumBase: 20,
      source: `Empfänger von Grundsicherung im Alter (SGB XII, 4. Kapitel) ab 65 Jahren je 100 Einwohner ab 65 Jahren (Sozialamt; ${EMR})`,
    },
    {
      id: "migrationshintergrund",
      label: "Migrationshintergrund",
      targetGroup: "context",
      numerator: ["migrationshintergrund"],
      denominator: ["einwohner"],
      unit: "%",
      direction: 1,
      minimumBase: 0,
      source: `Einwohner mit Migrationshintergrund je 100 Einwohner (${EMR}, Ableitung MigraPro)`,
    },
    {
      id: "anteil_kinder",
      label: "Anteil Kinder unter 15",
      targetGroup: "context",
      numerator: AGE_0_14,
      denominator: ["einwohner"],
      unit: "%",
      direction: 1,
      minimumBase: 0,
      source: `Einwohner unter 15 Jahren je 100 Einwohner (${EMR})`,
    },
    {
      id: "anteil_junge",
      label: "Anteil 15- bis 24-Jährige",
      targetGroup: "context",
      numerator: ["ew_15_17", "ew_18_24"],
      denominator: ["einwohner"],
      unit: "%",
      direction: 1,
      minimumBase: 0,
      source: `Einwohner 15 bis unter 25 Jahre je 100 Einwohner (${EMR})`,
    },
    {
      id: "anteil_aeltere",
      label: "Anteil Ältere ab 65",
      targetGroup: "context",
      numerator: ["ew_65_plus"],
      denominator: ["einwohner"],
      unit: "%",
      direction: 1,
      minimumBase: 0,
      source: `Einwohner ab 65 Jahren je 100 Einwohner (${EMR})`,
    },
    {
      id: "haushalte_mit_kindern",
      label: "Haushalte mit Kindern",
      targetGroup: "context",
      numerator: ["hh_mit_kindern"],
      denominator: ["haushalte"],
      unit: "%",
      direction: 1,
      minimumBase: 0,
      source: `Haushalte mit Kindern unter 18 Jahren je 100 Haushalte (Haushaltegenerierung aus dem ${EMR})`,
    },
  ] satisfies IndicatorDefinition[]).map(
    (d): IndicatorDefinition =>
      Object.freeze({ ...d, numerator: Object.freeze([...d.numerator]), denominator: Object.freeze([...d.denominator]) }),
  ),
);
