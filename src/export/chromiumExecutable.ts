import { existsSync } from "node:fs";

/** Where Debian's `chromium` package installs the browser; the default of {@link createFigureExporter}. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Command-line switches for the export browser: headless, no sandbox (containers, CI runners as root), no GPU,
 * and none of Chromium's own background traffic (QUIC, component updates, sync, first-run pages), so an export
 * never opens a connection.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The Chromium executable to launch: `executablePath` or {@link DEFAULT_CHROMIUM_PATH}. Throws an error naming
 * the path and the Debian package when the file does not exist (prefixed with `fn`, the caller's name).
 *
 * @example
 * chromiumExecutable(); // "/usr/bin/chromium" (when installed)
 */
export function chromiumExecutable(executablePath?: string, fn = "chromiumExecutable"): string {
  const path = executablePath ?? DEFAULT_CHROMIUM_PATH;
  if (typeof path !== "string" || path === "") throw new Error(`${fn}: executablePath muss ein Dateipfad sein, angegeben ist ${JSON.stringify(path) ?? String(path)}`);
  if (!existsSync(path)) {
    throw new Error(
      `${fn}: Chromium nicht gefunden unter ${path}; bitte installieren (Debian/Ubuntu: apt-get install chromium)` +
        (executablePath === undefined ? " oder executablePath angeben" : ""),
    );
  }
  return path;
}
