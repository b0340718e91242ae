import type { AreaTable } from "../table/areaTable.js";
import { DataError, quoteValue, type DataProblem } from "../table/dataError.js";
import { parseJaNein, parseSince } from "./networkFields.js";
import { cellText, readNetworkTable, requireColumns } from "./networkTable.js";

/** One cooperation (Kooperation) between two actors: facilities or local actors, undirected. */
export interface Cooperation {
  id: string;
  /** Ids of the two partners (einrichtung_id or akteur_id), as written in the file. */
  a: string;
  b: string;
  /** Topic, e.g. "Sprachförderung". */
  topic: string;
  /** Start as written (`JJJJ`, `JJJJ-MM` or `JJJJ-MM-TT`) and its year. */
  since: string;
  sinceYear: number;
  /** Is the cooperation still active? */
  active: boolean;
  /** Where the row came from (for messages). */
  file: string;
  row: number;
}

const COLUMNS = ["kooperation_id", "akteur_a", "akteur_b", "thema", "seit", "aktiv"] as const;

/**
 * Reads the cooperations of the network, `kooperationen.csv`:
 * `kooperation_id;akteur_a;akteur_b;thema;seit;aktiv` — partners are `einrichtung_id`s of einrichtungen.csv or
 * `akteur_id`s of akteure.csv; `seit` is `JJJJ`, `JJJJ-MM` or `JJJJ-MM-TT`; `aktiv` is "ja" or "nein". Every
 * problem is reported at once in one German DataError naming file, row, column and value: empty or duplicate
 * cooperation ids, empty partners, a cooperation of an actor with itself, bad dates and yes/no values. Whether
 * the partners exist is checked by {@link cooperationNetwork}, which knows the facilities and actors.
 *
 * @example
 * const cooperations = readCooperations("data/kooperationen.csv");
 * cooperations[0]; // { id: "K001", a: "E001", b: "A001", topic: "Sprachförderung", since: "2014-09", sinceYear: 2014, active: true, … }
 */
export function readCooperations(path: string): Cooperation[] {
  return parseCooperations(readNetworkTable("readCooperations", path, COLUMNS), "readCooperations");
}

/** Parses cooperations from a table already read (e.g. by `readCsv` or `readXlsx`); see {@link readCooperations}. */
export function parseCooperations(table: AreaTable, fn = "parseCooperations"): Cooperation[] {
  requireColumns(fn, table, COLUMNS);
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  const out = table.rows.map((r, i): Cooperation => {
    const row = table.rowNumbers[i];
    const bad = (column: string, value: string, message: string): void => {
      problems.push({ file: table.file, row, column, value, message: `${message}: ${quoteValue(value)}` });
    };
    const id = cellText(r, "kooperation_id");
    if (id === "") bad("kooperation_id", id, "leere Kennung");
    else if (seen.has(id)) bad("kooperation_id", id, `Kennung doppelt (zuerst in Zeile ${seen.get(id)})`);
    else seen.set(id, row);
    const a = cellText(r, "akteur_a");
    const b = cellText(r, "akteur_b");
    if (a === "") bad("akteur_a", a, "leerer Partner");
    if (b === "") bad("akteur_b", b, "leerer Partner");
    if (a !== "" && a === b) bad("akteur_b", b, "Kooperation eines Akteurs mit sich selbst");
    const sinceText = cellText(r, "seit");
    const since = parseSince(sinceText);
    if ("problem" in since) bad("seit", sinceText, since.problem);
    const activeText = cellText(r, "aktiv");
    const active = parseJaNein(activeText);
    if (typeof active === "object") bad("aktiv", activeText, active.problem);
    const topic = cellText(r, "thema");
    if (topic === "") bad("thema", topic, "leeres Thema");
    return { id, a, b, topic, since: sinceText, sinceYear: "year" in since ? since.year : NaN, active: active === true, file: table.file, row };
  });
  if (problems.length > 0) throw new DataError(fn, problems);
  return out;
}
