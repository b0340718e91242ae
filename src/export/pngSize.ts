/** The 8-byte signature every PNG file starts with (PNG specification, section 5.2). */
export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Width and height in pixels of a PNG image, read from its IHDR chunk. The IHDR chunk must come first after the
 * signature: bytes 8–11 its length (13), 12–15 the type "IHDR", 16–19 the width and 20–23 the height, both
 * big-endian unsigned (PNG specification, 3rd ed., sections 5.2–5.3 and 11.2.2). Throws when `bytes` is not a PNG.
 *
 * @example
 * pngSize(readFileSync("abbildungen/rangfolge.png")); // { width: 1800, height: 1000 }
 */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (!(bytes instanceof Uint8Array) || bytes.length < 24) {
    throw new Error(`pngSize: kein PNG-Bild (${bytes instanceof Uint8Array ? `${bytes.length} Bytes` : typeof bytes})`);
  }
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error("pngSize: kein PNG-Bild (falsche Signatur)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (view.getUint32(8) !== 13 || type !== "IHDR") throw new Error("pngSize: PNG-Bild ohne IHDR-Block am Anfang");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
