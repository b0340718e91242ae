import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

/**
 * The folder with the real reference data (../shared/data from the project root, or $SOZIALRAUM_SHARED_DATA).
 * In CI (CI=true) a missing folder is an error; elsewhere tests that need it are skipped with a message.
 */
export const SHARED_DATA_DIR = resolve(
  process.env.SOZIALRAUM_SHARED_DATA ?? resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "data"),
);

export const hasSharedData = existsSync(SHARED_DATA_DIR);

if (!hasSharedData) {
  if (process.env.CI === "true") {
    throw new Error(`reference data folder not found: ${SHARED_DATA_DIR} (set SOZIALRAUM_SHARED_DATA)`);
  }
  console.warn(`reference data folder not found: ${SHARED_DATA_DIR}; tests that need it are skipped`);
}

/** Path of a file inside the shared reference data. */
export function sharedPath(...parts: string[]): string {
  return resolve(SHARED_DATA_DIR, ...parts);
}

/**
 * `describe` that runs only when the shared reference data is present (always in CI). Without the data the suite
 * body is never called (it would read the missing files while collecting); one skipped test says why.
 */
export function describeShared(name: string, body: () => void): void {
  if (hasSharedData) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it.skip(`braucht die Referenzdaten in ${SHARED_DATA_DIR} (fehlen; SOZIALRAUM_SHARED_DATA setzen)`, () => {});
  });
}

/** `it` that runs only when the shared reference data is present (always in CI). */
export function itShared(name: string, body: () => unknown): void {
  if (hasSharedData) it(name, body);
  else it.skip(`${name} (braucht ${SHARED_DATA_DIR})`, () => {});
}
