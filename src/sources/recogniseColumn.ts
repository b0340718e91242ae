/** What `recogniseColumn` found: the catalogue column name, or that the column is a share. */
export interface RecognisedColumn {
  /** The proposed column name (the catalogue's names: einwohner, ew_65_plus, arbeitslose, …). */
  name: string;
  /** "share" for published shares and rates, else "count". */
  kind: "count" | "share";
  /** German description of the guess. */
  label: string;
}

/** Patterns in order: the first that matches wins (specific before general). */
const RULES: Array<[RegExp, string, string, RegExp?]> = [
  [/anteil|quote|in\s*%|prozent|percentage|_rate\b|\brate\b|\bje\b|dichte|durchschnitt/i, "", "Anteil oder Quote"],
  [/(unter|under)[\s_-]*15.*(mindestsicherung|sgb|leistung)|(sgb|mindestsicherung).*(unter|under)[\s_-]*15/i, "sgb2_unter_15", "SGB-II-Leistungsberechtigte unter 15"],
  [/grundsicherung/i, "grundsicherung_65_plus", "Grundsicherung im Alter"],
  [/alleinerziehend|single[\s_-]*parent/i, "hh_alleinerziehend", "Haushalte von Alleinerziehenden"],
  [/haushalte\s*mit\s*kindern|households[\s_-]*with[\s_-]*children/i, "hh_mit_kindern", "Haushalte mit Kindern"],
  [/^(haushalte|households)$/i, "haushalte", "Haushalte"],
  [/arbeitslos|unemploy/i, "arbeitslose", "Arbeitslose", /jüngere|juengere|ältere|aeltere|youth|unter\s*25|benefit/i],
  [/bedarfsgemeinschaft|beneficiaries[\s_-]*households/i, "bedarfsgemeinschaften", "Bedarfsgemeinschaften"],
  [/beschäftigt|beschaeftigt|employed/i, "beschaeftigte", "sozialversicherungspflichtig Beschäftigte"],
  [/sgb[\s_-]*(ii|2)\b|leistungs[\s-]*(empf|berecht)|beneficiar/i, "sgb2_personen", "SGB-II-Leistungsberechtigte"],
  [/migration/i, "migrationshintergrund", "Einwohner mit Migrationshintergrund"],
  [/wohngeld|housing[\s_-]*benefit/i, "wohngeld", "Wohngeldhaushalte"],
  [/(unter|under)[\s_-]*15/i, "ew_unter_15", "Einwohner unter 15"],
  [/(unter|under)[\s_-]*18/i, "ew_unter_18", "Einwohner unter 18"],
  [/65.*(älter|aelter|above|plus|mehr|\+)|ab\s*65/i, "ew_65_plus", "Einwohner 65 und älter"],
  [/15.*(65|64)/i, "ew_15_64", "Einwohner 15 bis unter 65"],
  [/18.*(65|64)/i, "ew_18_64", "Einwohner 18 bis unter 65"],
  [/einwohner|bevölkerung|bevoelkerung|residents|population|^ew$/i, "einwohner", "Einwohner"],
];

/** Column names that say nothing by themselves: the file name tells what they count. */
const GENERIC = /^(residents|total|value|wert|anzahl|insgesamt|count|n)$/i;

/**
 * Recognises common German (and English open-data) column names: Einwohner, unter 18, 65 und älter, SGB II,
 * Arbeitslose, Alleinerziehende, Migrationshintergrund, Grundsicherung, Haushalte mit Kindern, shares
 * ("Anteil … in %"). A generic column name ("residents", "Anzahl") is read together with the file name
 * ("fl_unemployed_residents_by_district.csv" → Arbeitslose).
 *
 * @param column the column name in the file
 * @param file the file name (used for generic column names)
 * @returns the guess, or null
 * @example
 * recogniseColumn("Arbeitslose (Dez 2013)", "x.csv");      // { name: "arbeitslose", kind: "count", label: "Arbeitslose" }
 * recogniseColumn("Arbeitslosenanteil in % (Dez 2013)", "x.csv"); // { name: "", kind: "share", … }
 */
export function recogniseColumn(column: string, file: string): RecognisedColumn | null {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "").replace(/_by_district|_by_stadtteil/i, "");
  const text = GENERIC.test(column.trim()) ? `${base} ${column}` : column;
  for (const [re, name, label, unless] of RULES) {
    if (re.test(text) && !(unless && unless.test(text))) return { name, kind: name === "" ? "share" : "count", label };
  }
  return null;
}

/** Column names that look like a key, a name or a year. */
export const KEY_LIKE = /(^|[\s_(-])(id|schlüssel|schluessel|nr|nummer|key|code)\)?$|^(gebiet|stadtgebiet|stadtteil|sozialraum|bezirk|district|plr)(_?id)?$|_id$/i;
export const NAME_LIKE = /name|bezeichnung/i;
export const YEAR_LIKE = /^(jahr|year|berichtsjahr)$/i;
