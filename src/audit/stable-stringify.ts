/**
 * JSON with object keys in sorted order, so that the same value always gives the same bytes
 * (provenance records and parameter hashes must not depend on the order in which options were written).
 *
 * @example
 * stableStringify({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function stableStringify(value: unknown, indent?: number): string {
  // Without indentation the JSON is written directly (large tables: no sorted copy of every row).
  if (indent === undefined) return write(value) as string;
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const v = value as Record<string, unknown>;
    if (typeof (v as { toJSON?: unknown }).toJSON === "function") return sortKeys((v as { toJSON(): unknown }).toJSON());
    // No prototype: a key "__proto__" in the data stays an ordinary key (as JSON.stringify writes an own one).
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortKeys(v[k]);
    return out;
  }
  return value;
}

/**
 * The same bytes as `JSON.stringify(sortKeys(value))` (undefined where that is undefined). Arrays and plain
 * objects with ordinary keys are written here; everything else (toJSON, class instances, integer-like keys, whose
 * order JSON.stringify would change) goes the general way.
 */
function write(value: unknown): string | undefined {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean" || value === null) return String(value);
  if (Array.isArray(value)) {
    // Parts joined once: appending would build a rope of one piece per cell, costly to collect for large tables.
    const parts = new Array<string>(value.length);
    for (let i = 0; i < value.length; i++) parts[i] = write(value[i]) ?? "null";
    return "[" + parts.join(",") + "]";
  }
  if (typeof value === "object" && isPlain(value)) {
    const v = value as Record<string, unknown>;
    const keys = sortedKeys(v);
    if (keys !== null) {
      const flat = flatObject(v, keys);
      if (flat !== undefined) return flat;
    }
    if (keys !== null) {
      let s = "{";
      let first = true;
      for (const k of keys) {
        const x = v[k];
        if (x === undefined) continue;
        const w = write(x);
        if (w === undefined) continue;
        s += (first ? "" : ",") + JSON.stringify(k) + ":" + w;
        first = false;
      }
      return s + "}";
    }
  }
  return JSON.stringify(sortKeys(value));
}

/** A row of primitive cells written in one pass with the quoted keys; undefined if a cell is not primitive. */
function flatObject(v: Record<string, unknown>, keys: string[]): string | undefined {
  const quoted = quotedKeys(keys);
  let s = "";
  for (let j = 0; j < keys.length; j++) {
    const x = v[keys[j]];
    let w: string;
    if (typeof x === "string") w = JSON.stringify(x);
    else if (typeof x === "number") w = Number.isFinite(x) ? String(x) : "null";
    else if (x === null) w = "null";
    else if (typeof x === "boolean") w = x ? "true" : "false";
    else if (x === undefined) continue;
    else return undefined;
    s += (s === "" ? "{" : ",") + quoted[j] + w;
  }
  return s === "" ? "{}" : s + "}";
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== "function";
}

// Rows of a table share their keys: the sorted order of the last key list (and the keys as JSON) is reused.
let lastKeys: string[] = [];
let lastSorted: string[] | null = [];
let lastQuoted: string[] = [];
let quotedFor: string[] | null = [];

function quotedKeys(sorted: string[]): string[] {
  if (quotedFor !== sorted) {
    lastQuoted = sorted.map((k) => JSON.stringify(k) + ":");
    quotedFor = sorted;
  }
  return lastQuoted;
}

/** The keys sorted; null when a key is integer-like or "__proto__" (then the general way keeps the old order). */
function sortedKeys(v: Record<string, unknown>): string[] | null {
  const keys = Object.keys(v);
  if (keys.length === lastKeys.length && keys.every((k, i) => k === lastKeys[i])) return lastSorted;
  const ordinary = keys.every((k) => k !== "__proto__" && !(k.charCodeAt(0) >= 48 && k.charCodeAt(0) <= 57));
  lastKeys = keys;
  lastSorted = ordinary ? [...keys].sort() : null;
  return lastSorted;
}

/**
 * {@link stableStringify}`(value)` handed to `put` in pieces of about 1 MB (whole rows of a table), so that a large
 * table never exists as one string. Rows of primitive cells that share their keys are written in batches by the
 * built-in JSON.stringify with the sorted keys as its property list: the same bytes as the direct writer (the list
 * gives the key order; undefined, functions and symbols are left out; non-finite numbers are null).
 */
export function stableJsonPieces(value: unknown, put: (piece: string) => void): void {
  if (!Array.isArray(value)) {
    put(stableStringify(value) ?? "");
    return;
  }
  let chunk: string[] = ["["];
  let chunkLength = 1;
  let first = true;
  const add = (w: string) => {
    chunk.push(first ? w : "," + w);
    chunkLength += w.length + 1;
    first = false;
    if (chunkLength > 1 << 20) {
      put(chunk.join(""));
      chunk = [];
      chunkLength = 0;
    }
  };
  let batch: unknown[] = [];
  let batchKeys: string[] = [];
  const flush = () => {
    if (batch.length > 0) add(JSON.stringify(batch, batchKeys).slice(1, -1));
    batch = [];
  };
  for (let i = 0; i < value.length; i++) {
    const row = value[i];
    const keys = primitiveRowKeys(row);
    if (keys === null) {
      flush();
      add(write(row) ?? "null");
      continue;
    }
    if (keys !== batchKeys || batch.length >= 4096) flush();
    batchKeys = keys;
    batch.push(row);
  }
  flush();
  chunk.push("]");
  put(chunk.join(""));
}

/** The sorted keys of a plain row whose cells are all primitive (the batch writer's case), else null. */
function primitiveRowKeys(row: unknown): string[] | null {
  if (row === null || typeof row !== "object" || Array.isArray(row) || !isPlain(row)) return null;
  const v = row as Record<string, unknown>;
  const keys = sortedKeys(v);
  if (keys === null || keys.length === 0) return null;
  for (let j = 0; j < keys.length; j++) {
    const x = v[keys[j]];
    if (typeof x === "object" && x !== null) return null;
  }
  return keys;
}

/**
 * The UTF-8 bytes of {@link stableStringify}`(value)`, written piece by piece for an array (a table of rows),
 * so that a large table never exists as one string besides its bytes. Same bytes, so the same SHA-256.
 *
 * @example
 * sha256(stableJsonBytes(rows)) === sha256(stableStringify(rows)); // true
 */
export function stableJsonBytes(value: unknown): Uint8Array {
  const pieces: Buffer[] = [];
  stableJsonPieces(value, (s) => pieces.push(Buffer.from(s, "utf8")));
  return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
}
