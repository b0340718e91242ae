import { DataError } from "../table/dataError.js";

/**
 * The text encodings the readers accept. "auto" (default): UTF-8 (with or without byte-order mark), UTF-16 when
 * the file starts with a UTF-16 byte-order mark (Excel's "Unicode text"), and Windows-1252 when the bytes are not
 * valid UTF-8. "latin1" is read as Windows-1252, its superset (as browsers do).
 */
export type TextEncodingOption = "auto" | "utf-8" | "windows-1252" | "latin1" | "utf-16le" | "utf-16be";

/** The result of `decodeText`. */
export interface DecodedText {
  text: string;
  /** The encoding actually used. */
  encoding: "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
  warnings: string[];
}

/**
 * Decodes the bytes of a text file, dropping a byte-order mark.
 *
 * Rule for `encoding: "auto"`: a UTF-16 byte-order mark selects UTF-16; otherwise the bytes are decoded as UTF-8
 * when they are valid UTF-8, else as Windows-1252 (the encoding of German Excel CSV exports), with a warning that
 * names the first invalid byte (German, as every message a user reads: `readCsv: x.csv ist kein gültiges UTF-8
 * (Zeile 3: Byte 0xE4 an Position 41); als Windows-1252 gelesen`). With `encoding: "utf-8"` invalid UTF-8 is an error instead.
 *
 * @param bytes the file content
 * @param options.encoding see `TextEncodingOption`
 * @param options.file the file name for messages
 * @param options.fn the calling function for messages (default "decodeText")
 * @throws DataError `decodeText: x.csv row 3: invalid UTF-8 (byte 0xE4 at offset 41); the file looks like
 *   Windows-1252 or Latin-1: pass { encoding: "windows-1252" }` — only when `encoding` is "utf-8"
 *
 * @example
 * decodeText(new Uint8Array([0x4b, 0xf6, 0x6c, 0x6e])).text; // "Köln" (Windows-1252 fallback)
 */
export function decodeText(
  bytes: Uint8Array,
  options: { encoding?: TextEncodingOption; file?: string; fn?: string } = {},
): DecodedText {
  const requested = options.encoding ?? "auto";
  const file = options.file ?? "<text>";
  const fn = options.fn ?? "decodeText";
  if (requested === "windows-1252" || requested === "latin1") {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252", warnings: [] };
  }
  if (requested === "utf-16le" || requested === "utf-16be") {
    return { text: new TextDecoder(requested).decode(bytes), encoding: requested, warnings: [] };
  }
  if (requested === "auto" && bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le", warnings: [] };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be", warnings: [] };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", warnings: [] };
  const row = lineOf(bytes, bad);
  const byte = `0x${bytes[bad].toString(16).toUpperCase().padStart(2, "0")}`;
  if (requested === "utf-8") {
    throw new DataError(fn, {
      file,
      row,
      value: byte,
      message: `kein gültiges UTF-8 (Byte ${byte} an Position ${bad}); die Datei sieht nach Windows-1252 oder Latin-1 aus: die Option { encoding: "windows-1252" } angeben`,
    });
  }
  return {
    text: new TextDecoder("windows-1252").decode(bytes),
    encoding: "windows-1252",
    warnings: [`${fn}: ${file} ist kein gültiges UTF-8 (Zeile ${row}: Byte ${byte} an Position ${bad}); als Windows-1252 gelesen`],
  };
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (need = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (need = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n) return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOf(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}
