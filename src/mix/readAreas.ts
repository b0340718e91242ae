import { readCounts, type CountData } from "./readCounts.js";
import type { MixBaseOptions, MixInput } from "./types.js";

/** Options of the per-area measures: one group against a total, or several groups. */
export interface AreaOptions extends MixBaseOptions {
  /** One group column (with `total`). */
  group?: string;
  /** Several group columns (instead of `group`). */
  groups?: string[];
  /** Total population column; required with `group`, optional with `groups` (default: their sum). */
  total?: string;
  /** Name of the rest group (total − sum of the groups), where a composition needs one (default "rest"). */
  restGroup?: string;
}

/**
 * Reads the input of a per-area measure.
 * - `"shares"`: every group is a share of the total on its own (groups may overlap; no rest group).
 * - `"composition"`: the groups (plus a rest group when `total` is given) partition each area's population.
 */
export function readAreas(fn: string, rows: MixInput, options: AreaOptions, mode: "shares" | "composition"): CountData {
  if (options === null || typeof options !== "object") throw new Error(`${fn}: ein Optionsobjekt ist erforderlich, angegeben ist ${String(options)}`);
  const { group, groups, total } = options;
  if (group !== undefined && groups !== undefined) throw new Error(`${fn}: entweder "group" oder "groups" angeben, nicht beide`);
  let cols: string[];
  if (group !== undefined) {
    if (typeof group !== "string") throw new Error(`${fn}: die Option "group" muss ein Spaltenname sein, angegeben ist ${JSON.stringify(group)}`);
    if (typeof total !== "string") throw new Error(`${fn}: mit "group" ist die Option "total" (Spalte der Gesamtbevölkerung) erforderlich`);
    cols = [group];
  } else if (Array.isArray(groups) && groups.length > 0 && groups.every((g) => typeof g === "string")) {
    cols = groups;
  } else {
    throw new Error(`${fn}: die Option "group" (mit "total") oder "groups" ist erforderlich`);
  }
  if (new Set(cols).size !== cols.length) throw new Error(`${fn}: die Option "groups" nennt eine Spalte zweimal: ${cols.join(", ")}`);
  if (total !== undefined && cols.includes(total)) throw new Error(`${fn}: die Gesamtspalte "${total}" ist auch als Gruppe angegeben`);
  const single = mode === "shares" && total !== undefined;
  return readCounts(fn, rows, { groups: cols, total, single, restGroup: options.restGroup, id: options.id, missing: options.missing });
}

/**
 * Lays per-area values out in input order and length: included areas get `build(j)` (j = position among the
 * included areas), excluded ones `empty(row)`.
 */
export function inInputOrder<T>(data: CountData, build: (j: number, row: number) => T, empty: (row: number) => T): T[] {
  const out = new Array<T>(data.rowCount);
  let j = 0;
  for (let row = 0; row < data.rowCount; row++) {
    if (j < data.n && data.rowIndex[j] === row) {
      out[row] = build(j, row);
      j++;
    } else {
      out[row] = empty(row);
    }
  }
  return out;
}
