import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, chromiumExecutable } from "./chromiumExecutable.js";

/**
 * Starts the headless export browser (playwright-core, {@link CHROMIUM_ARGS}): the one launch of the package, used by
 * the figure exporter and the PDF printer. Errors name the caller `fn` and the executable path.
 *
 * @param executablePath Chromium executable (default `/usr/bin/chromium`)
 * @param fn the caller's name for error messages
 * @param timeout milliseconds Chromium may take to start
 * @example
 * const browser = await launchChromium(undefined, "printPdf", 60_000);
 */
export async function launchChromium(executablePath: string | undefined, fn: string, timeout: number): Promise<Browser> {
  const path = chromiumExecutable(executablePath, fn);
  try {
    return await chromium.launch({ executablePath: path, headless: true, args: [...CHROMIUM_ARGS], timeout });
  } catch (e) {
    throw new Error(`${fn}: Chromium unter ${path} ist nicht gestartet: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
}
