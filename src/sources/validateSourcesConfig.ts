import { isTargetGroup, TARGET_GROUPS } from "../indicators/targetGroups.js";
import type { SourceProblem } from "./sourceProblem.js";
import type { SourcesConfig } from "./sourcesConfig.js";
import { meintenSie } from "./suggest.js";

const TOP = ["areas", "tables", "years", "shares", "changes"];
const AREAS = ["table", "name", "population", "hierarchy"];
const TABLE = ["name", "file", "sheet", "headerRow", "separator", "encoding", "decimal", "key", "keyFormat", "year", "format", "variable", "value", "columns", "exclude", "valid", "missing", "zero"];
const EXCLUDE = ["keys", "pattern", "rows", "sums"];
const KINDS = ["count", "share", "change", "number", "text"];
const SHARE = ["id", "label", "targetGroup", "column", "unit", "direction", "base", "minimumBase", "source"];
const CHANGE = ["id", "label", "column", "unit", "direction"];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Checks the shape of a `sources` block (without reading any file) and returns EVERY problem, in German, each
 * with its path in the configuration and, for unknown names, a "meinten Sie …?" suggestion. Empty list: the
 * block is well-formed and can be given to `loadSources`.
 *
 * @param raw the parsed JSON value of `sources`
 * @param path the path shown in messages (default "sources")
 * @example
 * validateSourcesConfig({ tables: [{ file: "a.csv", kee: "id" }] });
 * // [{ path: "sources.tables[0]", message: 'unbekannte Angabe "kee" – meinten Sie "key"?' },
 * //  { path: "sources.tables[0].key", message: "fehlt: die Schlüsselspalte der Tabelle" }]
 */
export function validateSourcesConfig(raw: unknown, path = "sources"): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const add = (p: string, message: string) => problems.push({ path: p, message });
  if (!isObj(raw)) {
    add(path, "muss ein Objekt sein ({ \"tables\": [ … ] })");
    return problems;
  }
  unknownKeys(raw, TOP, path, add);
  const tables = raw.tables;
  const names: string[] = [];
  if (!Array.isArray(tables) || tables.length === 0) add(`${path}.tables`, "fehlt oder ist leer: mindestens eine Tabelle angeben");
  else tables.forEach((t, i) => names.push(...checkTable(t, `${path}.tables[${i}]`, add)));
  const dup = names.filter((n, i) => names.indexOf(n) !== i);
  for (const n of new Set(dup)) add(`${path}.tables`, `der Tabellenname ${JSON.stringify(n)} kommt mehrfach vor; mit "name" unterscheiden`);

  if (raw.areas !== undefined) {
    const a = raw.areas;
    if (!isObj(a)) add(`${path}.areas`, "muss ein Objekt sein");
    else {
      unknownKeys(a, AREAS, `${path}.areas`, add);
      for (const k of ["table", "name", "population"]) if (a[k] !== undefined && !nonEmpty(a[k])) add(`${path}.areas.${k}`, "muss ein nicht leerer Text sein");
      if (nonEmpty(a.table) && names.length && !names.includes(a.table as string)) {
        add(`${path}.areas.table`, `keine Tabelle ${JSON.stringify(a.table)} (Tabellen: ${names.map((n) => JSON.stringify(n)).join(", ")})${meintenSie(a.table as string, names)}`);
      }
      if (a.hierarchy !== undefined) {
        if (!isObj(a.hierarchy)) add(`${path}.areas.hierarchy`, 'muss ein Objekt Ebene → Spalte sein, z. B. { "bezirk": "Bezirk" }');
        else for (const [k, v] of Object.entries(a.hierarchy)) if (!nonEmpty(v)) add(`${path}.areas.hierarchy.${k}`, "muss ein Spaltenname sein");
      }
    }
  }
  if (raw.years !== undefined && (!Array.isArray(raw.years) || raw.years.some((y) => !Number.isInteger(y)))) add(`${path}.years`, "muss eine Liste ganzer Jahreszahlen sein, z. B. [2021, 2022]");
  checkIndicatorList(raw.shares, `${path}.shares`, SHARE, true, add);
  checkIndicatorList(raw.changes, `${path}.changes`, CHANGE, false, add);
  return problems;
}

/** Checks one table entry; returns its name (for duplicate and reference checks). */
function checkTable(t: unknown, p: string, add: (p: string, m: string) => void): string[] {
  if (!isObj(t)) {
    add(p, "muss ein Objekt sein ({ \"file\": …, \"key\": … })");
    return [];
  }
  unknownKeys(t, TABLE, p, add);
  if (!nonEmpty(t.file)) add(`${p}.file`, "fehlt: die Datei (CSV oder XLSX)");
  if (!nonEmpty(t.key)) add(`${p}.key`, "fehlt: die Schlüsselspalte der Tabelle");
  if (t.name !== undefined && !nonEmpty(t.name)) add(`${p}.name`, "muss ein nicht leerer Text sein");
  if (t.sheet !== undefined && !nonEmpty(t.sheet) && !(Number.isInteger(t.sheet) && (t.sheet as number) >= 1)) add(`${p}.sheet`, "muss ein Blattname oder eine Blattnummer ab 1 sein");
  if (t.headerRow !== undefined && !(Number.isInteger(t.headerRow) && (t.headerRow as number) >= 1)) add(`${p}.headerRow`, "muss eine ganze Zahl ab 1 sein");
  oneOf(t.separator, [";", ",", "\t"], `${p}.separator`, add);
  oneOf(t.encoding, ["utf-8", "windows-1252", "latin1", "utf-16le", "utf-16be"], `${p}.encoding`, add);
  oneOf(t.decimal, [",", "."], `${p}.decimal`, add);
  oneOf(t.format, ["wide", "long"], `${p}.format`, add);
  if (t.keyFormat !== undefined) {
    const k = t.keyFormat;
    if (!isObj(k)) add(`${p}.keyFormat`, 'muss ein Objekt sein, z. B. { "prefix": "STGT", "pad": 2 }');
    else {
      unknownKeys(k, ["prefix", "pad"], `${p}.keyFormat`, add);
      if (k.prefix !== undefined && typeof k.prefix !== "string") add(`${p}.keyFormat.prefix`, "muss ein Text sein");
      if (k.pad !== undefined && !(Number.isInteger(k.pad) && (k.pad as number) >= 1)) add(`${p}.keyFormat.pad`, "muss eine ganze Zahl ab 1 sein");
    }
  }
  if (t.year !== undefined && !Number.isInteger(t.year) && !(isObj(t.year) && nonEmpty(t.year.column))) add(`${p}.year`, 'muss eine Jahreszahl oder { "column": "<Spalte>" } sein');
  for (const k of ["variable", "value"]) {
    if (t[k] !== undefined && !nonEmpty(t[k])) add(`${p}.${k}`, "muss ein Spaltenname sein");
    if (t[k] !== undefined && t.format !== "long") add(`${p}.${k}`, 'gilt nur für "format": "long"');
  }
  if (t.columns !== undefined) {
    if (!isObj(t.columns)) add(`${p}.columns`, 'muss ein Objekt Spalte → neuer Name sein, z. B. { "residents": "einwohner" }');
    else {
      const targets: string[] = [];
      for (const [c, spec] of Object.entries(t.columns)) {
        const q = `${p}.columns.${c}`;
        if (typeof spec === "string") {
          if (spec.trim() === "") add(q, "der neue Name ist leer");
          targets.push(spec);
        } else if (isObj(spec)) {
          unknownKeys(spec, ["name", "kind"], q, add);
          if (spec.name !== undefined && !nonEmpty(spec.name)) add(`${q}.name`, "muss ein nicht leerer Text sein");
          oneOf(spec.kind, KINDS, `${q}.kind`, add);
          targets.push(typeof spec.name === "string" ? spec.name : c);
        } else add(q, 'muss ein neuer Name oder { "name": …, "kind": … } sein');
      }
      const dup = targets.filter((n, i) => targets.indexOf(n) !== i);
      for (const n of new Set(dup)) add(`${p}.columns`, `zwei Spalten bekommen denselben Namen ${JSON.stringify(n)}`);
    }
  }
  if (t.exclude !== undefined) {
    const e = t.exclude;
    if (!isObj(e)) add(`${p}.exclude`, "muss ein Objekt sein (keys, pattern, rows, sums)");
    else {
      unknownKeys(e, EXCLUDE, `${p}.exclude`, add);
      if (e.keys !== undefined && !stringList(e.keys)) add(`${p}.exclude.keys`, "muss eine Liste von Schlüsseln (Texten) sein");
      if (e.rows !== undefined && (!Array.isArray(e.rows) || e.rows.some((r) => !Number.isInteger(r) || r < 1))) add(`${p}.exclude.rows`, "muss eine Liste von Zeilennummern ab 1 sein");
      if (e.sums !== undefined && typeof e.sums !== "boolean") add(`${p}.exclude.sums`, "muss true oder false sein");
      if (e.pattern !== undefined) {
        if (typeof e.pattern !== "string") add(`${p}.exclude.pattern`, "muss ein regulärer Ausdruck (Text) sein");
        else {
          try {
            new RegExp(e.pattern, "u");
          } catch (err) {
            add(`${p}.exclude.pattern`, `kein gültiger regulärer Ausdruck: ${JSON.stringify(e.pattern)}`);
          }
        }
      }
    }
  }
  if (t.valid !== undefined) {
    const v = t.valid;
    if (!isObj(v) || !nonEmpty(v.column) || !stringList(v.values)) add(`${p}.valid`, 'muss { "column": "<Spalte>", "values": ["gültig"] } sein');
    else unknownKeys(v, ["column", "values"], `${p}.valid`, add);
  }
  for (const k of ["missing", "zero"]) if (t[k] !== undefined && !stringList(t[k])) add(`${p}.${k}`, 'muss eine Liste von Zellinhalten sein, z. B. ["-9999"]');
  if (nonEmpty(t.name)) return [t.name as string];
  return nonEmpty(t.file) ? [tableName(t.file as string, t.sheet as string | number | undefined)] : [];
}

function checkIndicatorList(list: unknown, p: string, known: string[], share: boolean, add: (p: string, m: string) => void): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) return add(p, "muss eine Liste sein");
  const ids: string[] = [];
  list.forEach((d, i) => {
    const q = `${p}[${i}]`;
    if (!isObj(d)) return add(q, "muss ein Objekt sein");
    unknownKeys(d, known, q, add);
    if (!nonEmpty(d.id) || !/^[a-z0-9_-]+$/.test(d.id as string)) add(`${q}.id`, "fehlt oder ungültig: Kleinbuchstaben, Ziffern, \"_\" oder \"-\"");
    else if (ids.includes(d.id as string)) add(`${q}.id`, `doppelt: ${JSON.stringify(d.id)}`);
    else ids.push(d.id as string);
    if (!nonEmpty(d.label)) add(`${q}.label`, "fehlt: die deutsche Bezeichnung");
    if (!nonEmpty(d.column)) add(`${q}.column`, "fehlt: die Spalte mit den veröffentlichten Werten");
    if (d.direction !== undefined && d.direction !== 1 && d.direction !== -1) add(`${q}.direction`, "muss 1 oder -1 sein");
    if (share) {
      if (!isTargetGroup(d.targetGroup)) add(`${q}.targetGroup`, `fehlt oder unbekannt: ${JSON.stringify(d.targetGroup ?? "")} (bekannt: ${TARGET_GROUPS.join(", ")})${typeof d.targetGroup === "string" ? meintenSie(d.targetGroup, TARGET_GROUPS) : ""}`);
      oneOf(d.unit, ["%", "‰"], `${q}.unit`, add);
      if (d.base !== undefined && !nonEmpty(d.base)) add(`${q}.base`, "muss ein Spaltenname sein");
      if (d.minimumBase !== undefined && !(typeof d.minimumBase === "number" && d.minimumBase >= 0)) add(`${q}.minimumBase`, "muss eine Zahl ≥ 0 sein");
      if (d.minimumBase !== undefined && d.base === undefined) add(`${q}.minimumBase`, 'braucht "base" (die Bezugsbevölkerung)');
    }
  });
}

function unknownKeys(o: Obj, known: readonly string[], p: string, add: (p: string, m: string) => void): void {
  for (const k of Object.keys(o)) if (!known.includes(k)) add(p, `unbekannte Angabe ${JSON.stringify(k)}${meintenSie(k, known) || ` (bekannt: ${known.join(", ")})`}`);
}

function oneOf(v: unknown, allowed: readonly string[], p: string, add: (p: string, m: string) => void): void {
  if (v !== undefined && !allowed.includes(v as string)) add(p, `${JSON.stringify(v)} ist nicht erlaubt (erlaubt: ${allowed.map((a) => JSON.stringify(a)).join(", ")})`);
}

function nonEmpty(v: unknown): boolean {
  return typeof v === "string" && v.trim() !== "";
}

function stringList(v: unknown): boolean {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/** The default name of a table: the file name without folder and extension, with the sheet if given. */
export function tableName(file: string, sheet: string | number | undefined): string {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  return sheet === undefined ? base : `${base} [${sheet}]`;
}

/** Type guard after validation. */
export function isSourcesConfig(raw: unknown): raw is SourcesConfig {
  return validateSourcesConfig(raw).length === 0;
}
