import { fileURLToPath } from "node:url";

/**
 * The package's embedded data folder (`data/` next to `dist/` and `src/`): the synthetic example city.
 *
 * @example
 * readdirSync(packageDataDir()); // ["README.md", "akteure.csv", "einrichtungen.csv", …]
 */
export function packageDataDir(): string {
  return fileURLToPath(new URL("../../../data/", import.meta.url));
}
