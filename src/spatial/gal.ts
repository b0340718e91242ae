import { indexIds, weightsFromCsr, type SpatialWeights } from "./spatialWeights.js";

/**
 * Reads a GAL file (the neighbour format of GeoDa, libpysal and spdep `read.gal`/`write.nb.gal`): a header
 * line, then for every area a line "id k" followed by a line with its k neighbour ids. Two header variants:
 * plain "n", or "0 n shapefile idVariable" (GeoDa; spdep writes it with `shpfile`/`ind`). Neighbour ids may
 * wrap over lines; an island has k = 0 and an empty line. The area order is the order of the records; weights
 * are binary.
 *
 * @example
 * const w = readGal("3\na 1\nb\nb 2\na c\nc 1\nb\n");
 * w.ids; // ["a", "b", "c"]
 * w.neighbors.b; // ["a", "c"]
 */
export function readGal(text: string): SpatialWeights {
  const fn = "readGal";
  if (typeof text !== "string") throw new Error(`${fn}: erwartet wird der Text einer GAL-Datei, angegeben ist ${typeof text}`);
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let h = 0;
  while (h < lines.length && lines[h].trim() === "") h++;
  if (h === lines.length) throw new Error(`${fn}: leere GAL-Datei`);
  const header = lines[h].trim().split(/\s+/);
  let nText: string;
  if (header.length === 1) nText = header[0];
  else if (header[0] === "0" && header.length >= 2) nText = header[1];
  else throw new Error(`${fn}: Zeile ${h + 1}: Kopfzeile "${lines[h].trim()}" ist weder "n" noch "0 n shapefile id"`);
  const n = Number(nText);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${fn}: Zeile ${h + 1}: Anzahl der Gebiete "${nText}" ist keine ganze Zahl ≥ 0`);

  // Tokens with their line numbers, for messages.
  const tokens: string[] = [];
  const lineOf: number[] = [];
  for (let l = h + 1; l < lines.length; l++) {
    for (const t of lines[l].trim().split(/\s+/)) {
      if (t !== "") {
        tokens.push(t);
        lineOf.push(l + 1);
      }
    }
  }
  const ids: string[] = [];
  const lists: string[][] = [];
  let t = 0;
  for (let r = 0; r < n; r++) {
    if (t + 1 >= tokens.length) throw new Error(`${fn}: die Kopfzeile nennt ${n} Gebiete, die Datei endet aber nach ${r}`);
    const id = tokens[t];
    const k = Number(tokens[t + 1]);
    if (!Number.isInteger(k) || k < 0) {
      throw new Error(`${fn}: Zeile ${lineOf[t + 1]}: Anzahl der Nachbarn "${tokens[t + 1]}" von Gebiet "${id}" ist keine ganze Zahl ≥ 0`);
    }
    if (t + 2 + k > tokens.length) throw new Error(`${fn}: Gebiet "${id}" soll ${k} Nachbarn haben, die Datei endet aber vorher`);
    ids.push(id);
    lists.push(tokens.slice(t + 2, t + 2 + k));
    t += 2 + k;
  }
  if (t < tokens.length) {
    throw new Error(`${fn}: Zeile ${lineOf[t]}: unerwartetes "${tokens[t]}" nach den ${n} in der Kopfzeile angekündigten Gebieten`);
  }
  const position = indexIds(fn, ids);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + lists[i].length;
  const indices = new Int32Array(offsets[n]);
  lists.forEach((list, i) => {
    list.forEach((nb, k) => {
      const j = position.get(nb);
      if (j === undefined) throw new Error(`${fn}: Gebiet "${ids[i]}" hat den Nachbarn "${nb}", der keinen eigenen Eintrag hat`);
      if (j === i) throw new Error(`${fn}: Gebiet "${ids[i]}" nennt sich selbst als Nachbarn`);
      indices[offsets[i] + k] = j;
    });
  });
  return weightsFromCsr(fn, "gal", "B", ids, offsets, indices, new Float64Array(indices.length).fill(1));
}

/** Options of {@link writeGal}. */
export interface WriteGalOptions {
  /** With `idVariable`: write the GeoDa header "0 n shapefile idVariable" instead of the plain "n". */
  shapefile?: string;
  /** Name of the id variable for the GeoDa header. */
  idVariable?: string;
}

/**
 * Writes weights as a GAL file (neighbours only; the weights themselves are not part of the format). The
 * inverse of {@link readGal}: `readGal(writeGal(w))` has the same ids and neighbours.
 *
 * @example
 * writeGal(readGal("2\na 1\nb\nb 1\na\n")); // "2\na 1\nb\nb 1\na\n"
 */
export function writeGal(weights: SpatialWeights, options: WriteGalOptions = {}): string {
  const fn = "writeGal";
  for (const id of weights.ids) {
    if (id === "" || /\s/.test(id)) throw new Error(`${fn}: Gebietsschlüssel "${id}" ist leer oder enthält Leerzeichen, was GAL nicht darstellen kann`);
  }
  const out: string[] = [];
  if (options.shapefile !== undefined || options.idVariable !== undefined) {
    const shp = options.shapefile ?? "unknown";
    const idv = options.idVariable ?? "id";
    if (/\s/.test(shp) || /\s/.test(idv)) throw new Error(`${fn}: shapefile und idVariable dürfen keine Leerzeichen enthalten`);
    out.push(`0 ${weights.n} ${shp} ${idv}`);
  } else out.push(String(weights.n));
  for (const id of weights.ids) {
    const list = weights.neighbors[id];
    out.push(`${id} ${list.length}`, list.join(" "));
  }
  return out.join("\n") + "\n";
}
