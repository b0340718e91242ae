import { DataError } from "../table/dataError.js";
import type { SourceProblem } from "./sourceProblem.js";

/**
 * Reader message patterns (src/io) → the wording of the source check (shorter, with the configuration key to
 * set). The first match wins; groups are put in with $1, $2.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/^die Datei ist nicht lesbar \((ENOENT)[^)]*\)?.*$/s, "Datei nicht gefunden"],
  [/^die Datei ist nicht lesbar \((.*)\)$/s, "Datei nicht lesbar ($1)"],
  [/^die Datei ist leer$/, "die Datei ist leer"],
  [/^das Blatt ist leer$/, "das Tabellenblatt ist leer"],
  [/^(?:die Datei|das Blatt) hat eine Kopfzeile, aber keine Datenzeilen$/, "die Datei hat eine Kopfzeile, aber keine Datenzeilen"],
  [/^keine Kopfzeile .*$/, "keine Kopfzeile gefunden"],
  [/^(\d+) Felder?, erwartet (\d+) .*$/, "$1 Felder statt $2 wie in der Kopfzeile (Trennzeichen oder Anführungszeichen prüfen)"],
  [/^doppelter Spaltenname \(Spalten (\d+) und (\d+)\)$/, "doppelter Spaltenname (Spalten $1 und $2); eine davon umbenennen"],
  [/^Spalte (\d+) hat keinen Namen, enthält aber Daten$/, "Spalte $1 hat keinen Namen, enthält aber Daten"],
  [/^(?:Schlüssels|S)palte nicht gefunden \(Spalten: (.*)\)$/s, "Spalte nicht gefunden (vorhanden: $1)"],
  [/^Wert (".*") ist keine Zahl$/, "Wert $1 ist keine Zahl"],
  [/^gemischte Dezimaltrennzeichen.*$/s, "Dezimalkomma und Dezimalpunkt gemischt; \"decimal\" angeben"],
  [/^Trennzeichen nicht erkennbar.*$/s, "Trennzeichen nicht erkennbar; \"separator\" angeben"],
  [/^defektes Anführungszeichen.*$/s, "Anführungszeichen nicht geschlossen oder fehlerhaftes Feld"],
  [/^kein gültiges UTF-8 \(Byte (0x[0-9A-F]+) an Position (\d+)\).*$/s, "kein gültiges UTF-8 (Byte $1 an Position $2); \"encoding\": \"windows-1252\" angeben"],
  [/^keine lesbare XLSX-Arbeitsmappe.*$/s, "keine lesbare XLSX-Arbeitsmappe"],
  [/^kein Blatt namens (".*") \(Blätter: (.*)\)$/s, "kein Tabellenblatt $1 (vorhanden: $2)"],
  [/^kein Blatt Nummer (\d+) \(Blätter: (.*)\)$/s, "kein Tabellenblatt Nummer $1 (vorhanden: $2)"],
  [/^Kopfzeile in den ersten .*$/s, "Kopfzeile nicht gefunden; \"headerRow\" angeben"],
];

/** Rewords one reader message for the source check (other messages are kept, marked as the reader's words). */
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

/** Reader warnings → the wording of the source check. */
export function germanReaderWarning(w: string, file: string): string {
  let m: RegExpMatchArray | null;
  if ((m = w.match(/ist kein gültiges UTF-8 \(Zeile (\d+): Byte (0x[0-9A-F]+)/))) return `${file}: kein gültiges UTF-8 (Zeile ${m[1]}, Byte ${m[2]}); als Windows-1252 gelesen`;
  if ((m = w.match(/Spalte "(.*)" als Text gelesen: .*Wert (".*") in Zeile (\d+) nicht/))) return `${file}: Spalte "${m[1]}" als Text gelesen: Wert ${m[2]} in Zeile ${m[3]} ist keine Zahl`;
  if ((m = w.match(/(\d+) leeren? Zeilen? übersprungen/))) return `${file}: ${m[1]} leere Zeile(n) übergangen`;
  if ((m = w.match(/leere Spalte (\d+) ohne Namen übersprungen/))) return `${file}: leere Spalte ${m[1]} ohne Namen übergangen`;
  if (/Dezimaltrennzeichen/.test(w)) return `${file}: Dezimalzeichen nicht eindeutig, Dezimalkomma angenommen ("decimal" angeben)`;
  if (/Fußnoten/.test(w)) return `${file}: Fußnotenzeilen unter der Tabelle übergangen`;
  return `${file}: Hinweis des Lesers: ${w}`;
}
