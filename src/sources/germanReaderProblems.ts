import { DataError } from "../table/dataError.js";
import type { SourceProblem } from "./sourceProblem.js";

/** English reader message patterns (src/io) → German. The first match wins; groups are put in with $1, $2. */
const PATTERNS: Array<[RegExp, string]> = [
  [/^cannot read the file \((ENOENT)[^)]*\)?.*$/s, "Datei nicht gefunden"],
  [/^cannot read the file \((.*)\)$/s, "Datei nicht lesbar ($1)"],
  [/^the file is empty$/, "die Datei ist leer"],
  [/^the sheet is empty$/, "das Tabellenblatt ist leer"],
  [/^the (?:file|sheet) has a header but no data rows$/, "die Datei hat eine Kopfzeile, aber keine Datenzeilen"],
  [/^no header row .*$/, "keine Kopfzeile gefunden"],
  [/^(\d+) fields?, expected (\d+) .*$/, "$1 Felder statt $2 wie in der Kopfzeile (Trennzeichen oder Anführungszeichen prüfen)"],
  [/^duplicate column name \(columns (\d+) and (\d+)\)$/, "doppelter Spaltenname (Spalten $1 und $2); eine davon umbenennen"],
  [/^column (\d+) has no name but contains data$/, "Spalte $1 hat keinen Namen, enthält aber Daten"],
  [/^(?:id )?column not found \(columns: (.*)\)$/s, "Spalte nicht gefunden (vorhanden: $1)"],
  [/^value (".*") is not a number$/, "Wert $1 ist keine Zahl"],
  [/^mixed decimal marks.*$/s, "Dezimalkomma und Dezimalpunkt gemischt; \"decimal\" angeben"],
  [/^cannot detect the separator.*$/s, "Trennzeichen nicht erkennbar; \"separator\" angeben"],
  [/^broken quote.*$/s, "Anführungszeichen nicht geschlossen oder fehlerhaftes Feld"],
  [/^invalid UTF-8 \(byte (0x[0-9A-F]+) at offset (\d+)\).*$/s, "kein gültiges UTF-8 (Byte $1 an Position $2); \"encoding\": \"windows-1252\" angeben"],
  [/^not a readable XLSX workbook.*$/s, "keine lesbare XLSX-Arbeitsmappe"],
  [/^no sheet named (".*") \(sheets: (.*)\)$/s, "kein Tabellenblatt $1 (vorhanden: $2)"],
  [/^no sheet number (\d+) \((.*)\)$/s, "kein Tabellenblatt Nummer $1 ($2)"],
  [/^cannot find the header row.*$/s, "Kopfzeile nicht gefunden; \"headerRow\" angeben"],
];

/** Translates one English reader message to German (unknown messages are kept, marked as the reader's words). */
export function germanReaderMessage(message: string): string {
  for (const [re, de] of PATTERNS) if (re.test(message)) return message.replace(re, de);
  return `Lesefehler (Meldung des Lesers: ${message})`;
}

/**
 * Turns an error of `readCsv`/`readXlsx` into German `SourceProblem`s (one per reader problem, keeping file,
 * row, column and value); other errors become one problem naming the file.
 */
export function germanReaderProblems(e: unknown, file: string): SourceProblem[] {
  if (e instanceof DataError) {
    return e.problems.map((p) => ({ file, row: p.row, column: p.column, value: p.value, message: germanReaderMessage(p.message) }));
  }
  return [{ file, message: `Datei nicht lesbar (${e instanceof Error ? e.message : String(e)})` }];
}

/** Reader warnings (English) → German. */
export function germanReaderWarning(w: string, file: string): string {
  let m: RegExpMatchArray | null;
  // The CSV reader words it in English or (since the csv merge) in German.
  if ((m = w.match(/is not valid UTF-8 \(row (\d+): byte (0x[0-9A-F]+)/) ?? w.match(/ist kein gültiges UTF-8 \(Zeile (\d+): Byte (0x[0-9A-F]+)/))) return `${file}: kein gültiges UTF-8 (Zeile ${m[1]}, Byte ${m[2]}); als Windows-1252 gelesen`;
  if ((m = w.match(/column "(.*)" read as text: .*value (".*") in row (\d+) is not/))) return `${file}: Spalte "${m[1]}" als Text gelesen: Wert ${m[2]} in Zeile ${m[3]} ist keine Zahl`;
  if ((m = w.match(/(\d+) empty rows? ignored/))) return `${file}: ${m[1]} leere Zeile(n) übergangen`;
  if ((m = w.match(/unnamed empty column (\d+) ignored/))) return `${file}: leere Spalte ${m[1]} ohne Namen übergangen`;
  if (/decimal/i.test(w)) return `${file}: Dezimalzeichen nicht eindeutig, Dezimalkomma angenommen ("decimal" angeben)`;
  if (/footnote|after an empty row/i.test(w)) return `${file}: Fußnotenzeilen unter der Tabelle übergangen`;
  return `${file}: Hinweis des Lesers: ${w}`;
}
