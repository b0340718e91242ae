import { parse } from "csv-parse/sync";

/** One data record of a semicolon-separated file with its line number in the file (header = line 1). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/**
 * Reads a semicolon-separated UTF-8 text (optional BOM) with a header row and checks that the required columns
 * are present. Internal helper of the supply readers; line numbers count physical lines, so a quoted text with
 * a line break does not shift the numbers of later rows.
 */
export function csvRecords(fn: string, text: string, file: string, required: readonly string[]): CsvRecord[] {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, {
      delimiter: ";",
      bom: true,
      relax_column_count: false,
      skip_empty_lines: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    // csv-parse's own messages ("Invalid Record Length: expect 7, got 6 on line 2") name neither function nor file.
    const err = e as { code?: unknown; lines?: unknown; message?: unknown };
    if (typeof err?.code !== "string") throw e;
    const where = typeof err.lines === "number" ? ` row ${err.lines}` : "";
    throw new Error(`${fn}: ${file}${where}: ${String(err.message)}`);
  }
  if (rows.length === 0) throw new Error(`${fn}: ${file} is empty (expected a header row)`);
  const header = rows[0].record.map((h) => h.trim());
  const missingColumns = required.filter((c) => !header.includes(c));
  if (missingColumns.length > 0) {
    throw new Error(`${fn}: ${file} lacks column(s) ${missingColumns.map((c) => `"${c}"`).join(", ")} (header: ${header.join(";")})`);
  }
  // info.lines is the line on which the record ends; it starts as many lines earlier as its fields hold line
  // breaks (counting from the previous record's end would be wrong after skipped empty lines).
  return rows.slice(1).map(({ record, info }) => {
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = record[i] ?? ""));
    let breaks = 0;
    for (const field of record) for (let p = field.indexOf("\n"); p >= 0; p = field.indexOf("\n", p + 1)) breaks++;
    return { line: info.lines - breaks, values };
  });
}

/** Collects row errors and throws them all at once: "fn: N error(s) in file:\n  row 3, column "x": …". */
export class RowErrors {
  readonly messages: string[] = [];
  constructor(private readonly fn: string, private readonly file: string) {}
  add(line: number, column: string, value: string, problem: string): void {
    this.messages.push(`${this.file} row ${line}, column "${column}": ${problem} "${value}"`);
  }
  throwIfAny(): void {
    if (this.messages.length === 0) return;
    if (this.messages.length === 1) throw new Error(`${this.fn}: ${this.messages[0]}`);
    throw new Error(`${this.fn}: ${this.messages.length} errors:\n  ${this.messages.join("\n  ")}`);
  }
}
