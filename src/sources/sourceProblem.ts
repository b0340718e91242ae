/**
 * One problem found in a configuration or a data source, in German, with where it is: the configuration path
 * (`sources.tables[2].key`) or the file, spreadsheet row (1-based, as Excel shows it), column, area key and value.
 */
export interface SourceProblem {
  /** The file concerned (or the configuration file). */
  file?: string;
  /** The path inside the configuration, e.g. `sources.tables[0].columns`. */
  path?: string;
  /** Spreadsheet row, 1-based (the header is row 1 unless there are title rows). */
  row?: number;
  column?: string;
  /** The area key. */
  key?: string;
  value?: unknown;
  /** What is wrong, in German. */
  message: string;
}

/** At most this many problems are listed in the error message (all are kept in `problems`). */
const LISTED = 30;

/**
 * The error of `loadSources`: every problem found in one pass, in German.
 * Message: `Datenquellen: 3 Probleme:` and one indented line per problem, e.g.
 * `  fl_residents.csv Zeile 7, Spalte "einwohner", Gebiet "STGT03": Wert "12a" ist keine Zahl`.
 */
export class SourcesError extends Error {
  readonly problems: readonly SourceProblem[];
  constructor(problems: readonly SourceProblem[]) {
    if (problems.length === 0) throw new Error("SourcesError: keine Probleme übergeben");
    super(sourcesErrorMessage(problems));
    this.name = "SourcesError";
    this.problems = problems;
  }
}

/**
 * Formats one problem: `datei.csv Zeile 7, Spalte "einwohner", Gebiet "0101": Wert "12a" ist keine Zahl`;
 * configuration problems: `sources.tables[0].key: …`.
 *
 * @example
 * formatSourceProblem({ file: "a.csv", row: 3, column: "ew", key: "01", message: "Wert \"x1\" ist keine Zahl" });
 * // 'a.csv Zeile 3, Spalte "ew", Gebiet "01": Wert "x1" ist keine Zahl'
 */
export function formatSourceProblem(p: SourceProblem): string {
  const parts: string[] = [];
  let head = p.path ?? "";
  if (p.file !== undefined) head = head ? `${head} (${p.file})` : p.file;
  if (p.row !== undefined) head += `${head ? " " : ""}Zeile ${p.row}`;
  if (head) parts.push(head);
  if (p.column !== undefined) parts.push(`Spalte ${JSON.stringify(p.column)}`);
  if (p.key !== undefined) parts.push(`Gebiet ${JSON.stringify(p.key)}`);
  return parts.length ? `${parts.join(", ")}: ${p.message}` : p.message;
}

function sourcesErrorMessage(list: readonly SourceProblem[]): string {
  if (list.length === 1) return `Datenquellen: ${formatSourceProblem(list[0])}`;
  const lines = list.slice(0, LISTED).map((p) => `  ${formatSourceProblem(p)}`);
  if (list.length > LISTED) lines.push(`  … und ${list.length - LISTED} weitere`);
  return `Datenquellen: ${list.length} Probleme:\n${lines.join("\n")}`;
}

/** Quotes a cell for a German message: `"12a"`. */
export function quoted(value: unknown): string {
  return JSON.stringify(value === undefined || value === null ? "" : String(value));
}
