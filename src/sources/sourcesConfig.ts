import type { IndicatorDirection, IndicatorUnit } from "../indicators/indicatorDefinition.js";
import type { TargetGroup } from "../indicators/targetGroups.js";

/**
 * The `sources` block of a configuration: a city's own tables (CSV files or XLSX sheets), how to read, reshape,
 * filter and join them, and which columns are the area list, names, population and hierarchy. An addition:
 * configurations without `sources` keep working with `data` (the embedded conventions).
 * Relative paths are relative to the configuration file's folder.
 *
 * @example
 * // Flensburg: counts in panel format (one row per area and year) spread over several files
 * { "areas": { "table": "stadtteile", "name": "name", "population": "einwohner" },
 *   "tables": [
 *     { "name": "stadtteile", "file": "fl_district.csv", "key": "district_id", "keyFormat": { "prefix": "STGT", "pad": 2 } },
 *     { "file": "fl_residents_by_district.csv", "key": "district_id", "keyFormat": { "prefix": "STGT", "pad": 2 },
 *       "year": { "column": "year" }, "columns": { "residents": { "name": "einwohner", "kind": "count" } } } ],
 *   "years": [2021, 2022] }
 */
export interface SourcesConfig {
  /** Where the area list, names, population and hierarchy come from. */
  areas?: AreasConfig;
  /** The data tables; at least one. */
  tables: SourceTableConfig[];
  /**
   * The years to build (default: every year found in a table with a year). Tables without a year are joined into
   * every year.
   */
  years?: number[];
  /** Indicators given as published shares or rates (no counts behind them). */
  shares?: ShareIndicatorDefinition[];
  /** Published changes (e.g. percentage points between two dates) usable by the dynamic index. */
  changes?: ChangeIndicatorDefinition[];
}

/** The area list: one row per Sozialraum, from any table (after renaming, so use the new column names). */
export interface AreasConfig {
  /** The table (its `name`, or its `file`) that lists the areas (default: the first table). */
  table?: string;
  /** Column with the area names (default: none; the key is shown). */
  name?: string;
  /** Column with the residents (a count column of the year tables; used for the minimum-population rule). */
  population?: string;
  /**
   * Hierarchy columns of the area list, level → column, e.g. `{ "stadtteil": "Stadtteil", "bezirk": "Bezirk" }`
   * (any levels; ids or names).
   */
  hierarchy?: Record<string, string>;
}

/** What a column holds; decides the checks. */
export type SourceColumnKind = "count" | "share" | "change" | "number" | "text";

/** A column taken from a table: its new name and kind. */
export interface SourceColumnSpec {
  /** The name in the result (default: the name in the file). */
  name?: string;
  /**
   * "count": non-negative whole numbers (a non-integer is an error naming area, column and value); "share": a
   * published share or rate (e.g. per cent) — never used as a count; "change": a published change (percentage
   * points); "number": any number; "text": kept as text. Default: "number" for number columns, else "text".
   */
  kind?: SourceColumnKind;
}

/** One table: a CSV file or one XLSX sheet. */
export interface SourceTableConfig {
  /** A short name to refer to the table (default: the file name without folder and extension). */
  name?: string;
  /** The file (.csv, .txt or .xlsx), relative to the configuration file. */
  file: string;
  /** XLSX only: the sheet name or 1-based position (default: the first sheet). */
  sheet?: string | number;
  /** The spreadsheet row with the column names (default: CSV 1, XLSX detected). */
  headerRow?: number;
  /** CSV only: ";", "," or "\t" (default: detected). */
  separator?: ";" | "," | "\t";
  /** CSV only: text encoding (default: UTF-8, else Windows-1252 with a warning). */
  encoding?: "utf-8" | "windows-1252" | "latin1" | "utf-16le" | "utf-16be";
  /** Decimal mark (default: detected). */
  decimal?: "," | ".";
  /** The area-key column (read as text: leading zeros kept). */
  key: string;
  /**
   * Turns the file's keys into the areas' keys: zero-padded to `pad` digits, then `prefix` put in front
   * ("1" with `{ prefix: "STGT", pad: 2 }` → "STGT01"). Applied before `exclude.keys` is compared.
   */
  keyFormat?: { prefix?: string; pad?: number };
  /** A fixed year (number), or the column holding the year (panel and long formats). Default: no year. */
  year?: number | { column: string };
  /**
   * "wide" (default): one column per variable. "long": one row per area, (year,) and variable, with the variable
   * name in `variable` and the value in `value`; reshaped to wide (arquero pivot).
   */
  format?: "wide" | "long";
  /** Long format: the column with the variable names (default "variable"). */
  variable?: string;
  /** Long format: the column with the values (default "value"). */
  value?: string;
  /**
   * Column selection and renaming: file column (for long format: variable name) → new name, or `{ name, kind }`.
   * Given: only these columns are taken (plus key and year). Omitted: every column, names unchanged.
   */
  columns?: Record<string, string | SourceColumnSpec>;
  /** Rows that are not areas (totals, Bezirk rows, city row): kept out and listed with the reason. */
  exclude?: {
    /** Keys (after `keyFormat`) to keep out, e.g. ["Hamburg", "Hamburg-Mitte"]. */
    keys?: string[];
    /** A regular expression; keys matching it are kept out (e.g. "^Bezirk "). */
    pattern?: string;
    /** Spreadsheet rows (1-based, as Excel shows them) to keep out. */
    rows?: number[];
    /** Detect rows whose counts are the sum of a run of other rows (Bezirk and city totals) and keep them out. */
    sums?: boolean;
  };
  /**
   * A validity column as publishers give it (Berlin MSS `KOM`): rows whose cell is not one of `values` are
   * excluded areas, with the cell text as the reason (e.g. "ungültig (EW unter 300)").
   */
  valid?: { column: string; values: string[] };
  /** Extra cell texts meaning "missing" (besides the usual ".", "-", "x", "k.A." …), e.g. ["-9999"]. */
  missing?: string[];
  /** Cell texts meaning an exact zero (e.g. ["-"] for Destatis' "nichts vorhanden"); checked before `missing`. */
  zero?: string[];
}

/**
 * An indicator given as a published share or rate column (no counts: no Wilson intervals can be computed).
 *
 * @example
 * { "id": "arbeitslosigkeit", "label": "Arbeitslosigkeit", "targetGroup": "working-age", "column": "S1",
 *   "unit": "%", "direction": 1, "base": "einwohner", "minimumBase": 300, "source": "MSS 2021, S1" }
 */
export interface ShareIndicatorDefinition {
  /** Stable key (lower case, digits, "_" or "-"). */
  id: string;
  /** German label. */
  label: string;
  targetGroup: TargetGroup;
  /** The share column (after renaming; its kind becomes "share"). */
  column: string;
  /** The unit the share is published in (default "%"). */
  unit?: IndicatorUnit;
  /** +1: high value = more disadvantage (default), −1: less. */
  direction?: IndicatorDirection;
  /** Optional base population column (a count) for the minimum-population rule. */
  base?: string;
  /** Areas whose base is below this are left out of this indicator (needs `base`; default 0). */
  minimumBase?: number;
  /** Where the data come from (German free text). */
  source?: string;
}

/** A published change (e.g. Berlin MSS D1: change of S1 in percentage points), usable by the dynamic index. */
export interface ChangeIndicatorDefinition {
  /** Stable key, usually the id of the share indicator it belongs to. */
  id: string;
  label: string;
  /** The change column (after renaming; its kind becomes "change"). */
  column: string;
  /** The unit of the change (default "Prozentpunkte"). */
  unit?: string;
  /** +1: an increase means more disadvantage (default). */
  direction?: IndicatorDirection;
}
