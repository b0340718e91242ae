import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { VERSION } from "../version.js";
import { stableJsonPieces, stableStringify } from "./stable-stringify.js";

/** One input file of an analysis, identified by its content. */
export interface ProvenanceInput {
  /** The path as given (relative paths stay relative, so records are the same on every machine). */
  path: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** Size in bytes. */
  bytes: number;
}

/**
 * What a reviewer needs to re-run an output and get identical bytes: the SHA-256 of every input file, every
 * parameter, and the library's version. `createdAt` is the one field that differs between runs; it is left out
 * of `fingerprint`, a SHA-256 over everything else.
 */
export interface Provenance {
  library: { name: "sozialraum"; version: string };
  inputs: ProvenanceInput[];
  parameters: unknown;
  /** SHA-256 of the stable JSON of library, inputs and parameters: equal fingerprints mean an equal analysis. */
  fingerprint: string;
  /** ISO time stamp of the run (the one documented field that differs between runs); null when not recorded. */
  createdAt: string | null;
}

/** SHA-256 of a buffer or string, hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** An input's SHA-256 (hex) and size in bytes, computed without holding its bytes (see {@link stableJsonDigest}). */
export interface ContentDigest {
  sha256: string;
  bytes: number;
}

/**
 * SHA-256 and UTF-8 size of {@link stableStringify}`(value)`, hashed piece by piece: a table of rows is recorded
 * in the provenance without its JSON ever existing as one string or buffer.
 *
 * @example
 * stableJsonDigest(rows).sha256 === sha256(stableStringify(rows)); // true
 */
export function stableJsonDigest(value: unknown): ContentDigest {
  const hash = createHash("sha256");
  let bytes = 0;
  stableJsonPieces(value, (piece) => {
    hash.update(piece, "utf8");
    bytes += Buffer.byteLength(piece, "utf8");
  });
  return { sha256: hash.digest("hex"), bytes };
}

/**
 * Builds the provenance record of an output.
 *
 * @param options.inputs   paths of the input files, or `{ path, content }` for inputs not on disk (e.g. embedded data);
 *   `content` may be a {@link ContentDigest} already computed (e.g. {@link stableJsonDigest} of a table).
 * @param options.parameters every parameter of the analysis (any JSON value; keys are sorted for the fingerprint).
 *   Values JSON cannot represent faithfully are an error, since two different analyses would get one fingerprint:
 *   NaN and ±Infinity (written as null), Map and Set (written as {}), functions, symbols and bigints.
 * @param options.createdAt  time stamp to record; default null (no time stamp, fully reproducible bytes).
 * @example
 * const p = provenance({ inputs: [{ path: "a.csv", content: "id;x\n1;2\n" }], parameters: { threshold: 1 } });
 * p.inputs[0].sha256; // "…" (SHA-256 of the content)
 */
export function provenance(options: {
  inputs: Array<string | { path: string; content: string | Uint8Array | ContentDigest }>;
  parameters: unknown;
  createdAt?: string | Date | null;
}): Provenance {
  const inputs = options.inputs.map((input): ProvenanceInput => {
    const path = typeof input === "string" ? input : input.path;
    let content: string | Uint8Array;
    if (typeof input === "string") {
      try {
        content = readFileSync(input);
      } catch (err) {
        throw new Error(`provenance: Eingabedatei "${input}" nicht lesbar: ${(err as Error).message}`);
      }
    } else if (isDigest(input.content)) {
      return { path, sha256: input.content.sha256, bytes: input.content.bytes };
    } else content = input.content;
    const bytes = typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
    return { path, sha256: sha256(content), bytes };
  });
  checkParameters(options.parameters, "parameters");
  const library = { name: "sozialraum" as const, version: VERSION };
  const fingerprint = sha256(stableStringify({ library, inputs, parameters: options.parameters ?? null }));
  const c = options.createdAt ?? null;
  return {
    library,
    inputs,
    parameters: options.parameters ?? null,
    fingerprint,
    createdAt: c === null ? null : typeof c === "string" ? c : c.toISOString(),
  };
}

function isDigest(content: string | Uint8Array | ContentDigest): content is ContentDigest {
  return typeof content === "object" && !(content instanceof Uint8Array);
}

/** A short German text block for reports: version, fingerprint and one line per input. */
export function provenanceLines(p: Provenance): string[] {
  return [
    `sozialraum ${p.library.version}, Fingerabdruck ${p.fingerprint.slice(0, 16)}…`,
    ...p.inputs.map((i) => `${basename(i.path)}: SHA-256 ${i.sha256} (${i.bytes} Bytes)`),
    ...(p.createdAt ? [`erstellt ${p.createdAt}`] : []),
  ];
}

/** Throws for values that JSON would silently change (see `provenance`), naming where they are. */
function checkParameters(value: unknown, where: string): void {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(`provenance: ${where} ist ${value}, JSON hielte das als null fest; als Text oder null angeben`);
  }
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    throw new Error(`provenance: ${where} ist vom Typ ${typeof value}, den JSON nicht festhalten kann`);
  }
  if (value instanceof Map || value instanceof Set) {
    throw new Error(`provenance: ${where} ist ein ${value instanceof Map ? "Map" : "Set"}, JSON hielte das als {} fest; ein Objekt oder eine Liste angeben`);
  }
  if (Array.isArray(value)) value.forEach((v, i) => checkParameters(v, `${where}[${i}]`));
  else if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    for (const [k, v] of Object.entries(value)) if (v !== undefined) checkParameters(v, `${where}.${k}`);
  }
}
