const UMLAUTS: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss" };

/**
 * A safe, portable file name (without extension) for a figure name: German umlauts and ß transliterated
 * (ä → ae, ß → ss), other accents dropped, lower case, every run of characters other than a–z, 0–9, "_" and "."
 * replaced by "-", no leading or trailing "-" or ".". The result works on every file system and in a URL.
 * Throws when nothing is left.
 *
 * @example
 * figureFileName("Karte der Statusklassen (Stand 2018)"); // "karte-der-statusklassen-stand-2018"
 * figureFileName("Ältere über 65"); // "aeltere-ueber-65"
 */
export function figureFileName(name: string): string {
  if (typeof name !== "string") throw new Error(`figureFileName: name muss eine Zeichenkette sein, angegeben ist ${typeof name}`);
  const slug = name
    .replace(/[äöüÄÖÜß]/g, (c) => UMLAUTS[c])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  if (slug === "") throw new Error(`figureFileName: name "${name}" enthält keine Buchstaben oder Ziffern für einen Dateinamen`);
  return slug;
}
