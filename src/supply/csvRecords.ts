import { decodeText } from "../io/decodeText.js";
import { splitCsvRecords } from "../io/splitCsvRecords.js";

/** One data record of a semicolon-separated file with its line number in the file (header = line 1). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/** Where the supply readers send reader notes (the Windows-1252 fallback). */
export type WarningSink = (message: string) => void;

/**
 * Reads a semicolon-separated file with a header row through the io CSV tokenizer (`splitCsvRecords`) and checks
 * that the required columns are present. Internal helper of the supply readers. Bytes are decoded as the other
 * tables are (`decodeText`: UTF-8, else Windows-1252 with a German warning sent to `onWarning`); a byte-order
 * mark is dropped; empty lines are skipped; line numbers count physical lines, so a quoted text with a line break
 * does not shift the numbers of later rows.
 */
export function csvRecords(
  fn: string,
  input: string | Uint8Array,
  file: string,
  required: readonly string[],
  onWarning: WarningSink = (m) => console.warn(m),
): CsvRecord[] {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    const decoded = decodeText(input, { file, fn });
    for (const w of decoded.warnings) onWarning(w);
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { records, rows } = splitCsvRecords(text, { separator: ";", fn, file });
  const kept: number[] = [];
  for (let k = 0; k < records.length; k++) if (!(records[k].length === 1 && records[k][0] === "")) kept.push(k);
  if (kept.length === 0) throw new Error(`${fn}: ${file} ist leer (erwartet wird eine Kopfzeile)`);
  const header = records[kept[0]].map((h) => h.trim());
  const missingColumns = required.filter((c) => !header.includes(c));
  if (missingColumns.length > 0) {
    throw new Error(`${fn}: ${file}: fehlende Spalte(n) ${missingColumns.map((c) => `"${c}"`).join(", ")} (Kopfzeile: ${header.join(";")})`);
  }
  const ragged = kept.slice(1).filter((k) => records[k].length !== header.length);
  if (ragged.length > 0) {
    const lines = ragged.map((k) => `${file} Zeile ${rows[k]}: ${records[k].length} Felder, erwartet ${header.length} (die Kopfzeile hat ${header.length} Spalten, Trennzeichen ";")`);
    throw new Error(lines.length === 1 ? `${fn}: ${lines[0]}` : `${fn}: ${lines.length} Fehler:\n  ${lines.join("\n  ")}`);
  }
  return kept.slice(1).map((k) => {
    const values: Record<string, string> = {};
    header.forEach((h, i) => (values[h] = records[k][i]));
    return { line: rows[k], values };
  });
}

/** Collects row errors and throws them all at once: "fn: N Fehler:\n  Datei Zeile 3, Spalte "x": …". */
export class RowErrors {
  readonly messages: string[] = [];
  constructor(private readonly fn: string, private readonly file: string) {}
  add(line: number, column: string, value: string, problem: string): void {
    this.messages.push(`${this.file} Zeile ${line}, Spalte "${column}": ${problem} "${value}"`);
  }
  throwIfAny(): void {
    if (this.messages.length === 0) return;
    if (this.messages.length === 1) throw new Error(`${this.fn}: ${this.messages[0]}`);
    throw new Error(`${this.fn}: ${this.messages.length} Fehler:\n  ${this.messages.join("\n  ")}`);
  }
}
