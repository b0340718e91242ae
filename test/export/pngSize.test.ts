import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { PNG_SIGNATURE, pngSize } from "../../src/export/index.js";

/** CRC-32 of the PNG specification (ISO/IEC 15948, annex D), written out here so the fixture is independent. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A valid grey-scale PNG of the given size, built by hand from the specification (signature, IHDR, IDAT, IEND). */
function handmadePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grey
  const raw = Buffer.alloc((width + 1) * height); // filter byte 0 + one byte per pixel, all black
  return Buffer.concat([Buffer.from(PNG_SIGNATURE), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

describe("pngSize", () => {
  it("reads width and height from the IHDR chunk (hand-built PNGs)", () => {
    expect(pngSize(handmadePng(3, 2))).toEqual({ width: 3, height: 2 });
    expect(pngSize(handmadePng(1800, 1)).width).toBe(1800);
    // Big-endian, four bytes: 70 000 needs the third byte.
    expect(pngSize(handmadePng(1, 70_000))).toEqual({ width: 1, height: 70_000 });
  });

  it("works on a view into a larger buffer", () => {
    const png = handmadePng(5, 7);
    const padded = new Uint8Array(png.length + 10);
    padded.set(png, 10);
    expect(pngSize(padded.subarray(10))).toEqual({ width: 5, height: 7 });
  });

  it("rejects what is not a PNG", () => {
    expect(() => pngSize(Buffer.from("<svg/>"))).toThrow("pngSize: kein PNG-Bild (6 Bytes)");
    const wrong = handmadePng(2, 2);
    wrong[1] = 0x51;
    expect(() => pngSize(wrong)).toThrow("pngSize: kein PNG-Bild (falsche Signatur)");
    const noIhdr = handmadePng(2, 2);
    noIhdr.write("IDAT", 12, "ascii");
    expect(() => pngSize(noIhdr)).toThrow("pngSize: PNG-Bild ohne IHDR-Block am Anfang");
  });
});
