/**
 * Sets the modification time of every entry of a zip archive (local file headers and central directory) to one
 * fixed date, so that the same content always gives the same bytes. exceljs (via JSZip) stamps each entry with
 * the current time; nothing else in its output varies between runs.
 *
 * Zip layout (PKWARE APPNOTE 6.3.10, §4.3.7, §4.3.12, §4.3.16): the end-of-central-directory record
 * (signature 0x06054b50) gives the number of entries and the central directory offset; each central header
 * (0x02014b50) holds the DOS time/date at offsets 12/14 and its local header offset at 42; each local header
 * (0x04034b50) holds time/date at offsets 10/12. An "extended timestamp" extra field (0x5455) is rewritten too.
 * DOS time has 2-second resolution and no time zone; we write 00:00:00 of the given day.
 *
 * Returns a new buffer; the input is not changed.
 *
 * @example
 * const stable = normalizeZipTimestamps(await workbook.xlsx.writeBuffer(), { year: 2024, month: 3, day: 1 });
 */
export function normalizeZipTimestamps(zip: Uint8Array, date: { year: number; month: number; day: number }): Buffer {
  const fn = "normalizeZipTimestamps";
  const buf = Buffer.from(zip);
  const dosDate = ((date.year - 1980) << 9) | (date.month << 5) | date.day;
  const dosTime = 0;
  const unixSeconds = Date.UTC(date.year, date.month - 1, date.day) / 1000;

  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${fn}: kein ZIP-Archiv (kein Ende des zentralen Verzeichnisses)`);
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let e = 0; e < entries; e++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${fn}: ungültiger Eintrag im zentralen Verzeichnis bei Byte ${p}`);
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    setExtendedTimestamps(buf, p + 46 + nameLen, extraLen, unixSeconds);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${fn}: ungültiger lokaler Dateikopf bei Byte ${local}`);
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    setExtendedTimestamps(buf, local + 30 + buf.readUInt16LE(local + 26), buf.readUInt16LE(local + 28), unixSeconds);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return buf;
}

/** Rewrites the times of an extended-timestamp extra field (id 0x5455: flags byte, then 4-byte times). */
function setExtendedTimestamps(buf: Buffer, start: number, length: number, seconds: number): void {
  let q = start;
  while (q + 4 <= start + length) {
    const id = buf.readUInt16LE(q);
    const size = buf.readUInt16LE(q + 2);
    if (id === 0x5455) for (let t = q + 5; t + 4 <= q + 4 + size; t += 4) buf.writeUInt32LE(seconds, t);
    q += 4 + size;
  }
}

/** The DOS date/time of every entry of a zip archive (for tests and checks): [name, date, time]. */
export function zipEntryTimes(zip: Uint8Array): Array<{ name: string; year: number; month: number; day: number; hours: number; minutes: number; seconds: number }> {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error("zipEntryTimes: kein ZIP-Archiv (kein Ende des zentralen Verzeichnisses)");
  const out = [];
  let p = buf.readUInt32LE(eocd + 16);
  for (let e = 0, n = buf.readUInt16LE(eocd + 10); e < n; e++) {
    const time = buf.readUInt16LE(p + 12);
    const date = buf.readUInt16LE(p + 14);
    const nameLen = buf.readUInt16LE(p + 28);
    out.push({
      name: buf.toString("utf8", p + 46, p + 46 + nameLen),
      year: (date >> 9) + 1980, month: (date >> 5) & 15, day: date & 31,
      hours: time >> 11, minutes: (time >> 5) & 63, seconds: (time & 31) * 2,
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}
