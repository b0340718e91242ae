/**
 * One problem found in a data file: where it is (file, spreadsheet row, column), the offending value and what is
 * wrong with it.
 */
export interface DataProblem {
  /** The file (path or the name given for messages). */
  file: string;
  /**
   * The spreadsheet row (the header is row 1, so the first data row is 2 unless there are title rows). For GeoJSON
   * the index of the feature in `features`.
   */
  row?: number;
  /** Overrides the "Zeile N" part of the message (e.g. "features[6]"). */
  where?: string;
  /** The column (or GeoJSON property) concerned. */
  column?: string;
  /** The offending value. */
  value?: unknown;
  /** What is wrong, e.g. `Wert "-3" ist negativ`. */
  message: string;
}

/** At most this many problems are listed in an error message (all are kept in `DataError.problems`). */
const LISTED = 20;

/**
 * The one error class of the data layer. It names the function, file, row, column and value of the (first)
 * problem, and keeps every problem found in `problems`, so that one run reports everything wrong with a file.
 *
 * Message format, one problem:
 * `readCsv: data/x.csv Zeile 7, Spalte "einwohner": Wert "-3" ist negativ`;
 * several problems: `checkAreaTable: 3 Probleme in data/x.csv:` followed by one indented line per problem.
 *
 * @example
 * try { checkAreaTable(table, { counts: ["einwohner"] }); }
 * catch (e) { if (e instanceof DataError) console.log(e.problems.length, e.row, e.column); }
 */
export class DataError extends Error {
  /** The function that found the problem, e.g. "readCsv". */
  readonly fn: string;
  readonly file: string;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly value: unknown;
  /** Every problem found (the message lists the first 20). */
  readonly problems: readonly DataProblem[];

  constructor(fn: string, problems: DataProblem | readonly DataProblem[]) {
    const list = Array.isArray(problems) ? (problems as readonly DataProblem[]) : [problems as DataProblem];
    if (list.length === 0) throw new Error("DataError: keine Probleme übergeben");
    super(dataErrorMessage(fn, list));
    this.name = "DataError";
    this.fn = fn;
    this.problems = list;
    const first = list[0];
    this.file = first.file;
    this.row = first.row;
    this.column = first.column;
    this.value = first.value;
  }
}

/** `data/x.csv Zeile 7, Spalte "einwohner": Wert "-3" ist negativ`; without a row: `data/x.csv, Spalte "x": …` */
export function formatDataProblem(p: DataProblem): string {
  let where = p.file;
  const at = p.where ?? (p.row !== undefined ? `Zeile ${p.row}` : undefined);
  if (at !== undefined) where += ` ${at}`;
  if (p.column !== undefined) where += `, Spalte ${JSON.stringify(p.column)}`;
  return `${where}: ${p.message}`;
}

function dataErrorMessage(fn: string, list: readonly DataProblem[]): string {
  if (list.length === 1) return `${fn}: ${formatDataProblem(list[0])}`;
  const files = [...new Set(list.map((p) => p.file))];
  const lines = list.slice(0, LISTED).map((p) => `  ${formatDataProblem(p)}`);
  if (list.length > LISTED) lines.push(`  … und ${list.length - LISTED} weitere`);
  return `${fn}: ${list.length} Probleme in ${files.join(", ")}:\n${lines.join("\n")}`;
}

/** Quotes a cell value for a message: `"-3"`, `"k.A."`, `""`. */
export function quoteValue(value: unknown): string {
  return JSON.stringify(String(value));
}
