import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Figure } from "../plot/figure.js";
import { createFigureExporter, type FigureExporter, type FigureExporterOptions } from "./createFigureExporter.js";
import { figureFileName } from "./figureFileName.js";

/** Static image formats of {@link exportFigures}. */
export type ImageFormat = "png" | "svg";

/** A figure to export under a name (the file name is `figureFileName(name)` plus the format's extension). */
export interface NamedFigure {
  name: string;
  figure: Figure;
  /** Width in pixels for this figure (overrides the option and the layout). */
  width?: number;
  /** Height in pixels for this figure (overrides the option and the layout). */
  height?: number;
}

/** Options of {@link exportFigures}. */
export interface ExportFiguresOptions extends FigureExporterOptions {
  /** Folder to write into (created if needed). */
  dir: string;
  /** Formats to write (default `["png", "svg"]`). */
  formats?: readonly ImageFormat[];
  /** Width in pixels for every figure without its own (default: layout.width, else 900). */
  width?: number;
  /** Height in pixels for every figure without its own (default: layout.height, else 500). */
  height?: number;
  /** PNG pixel density (default 2); SVG is written at scale 1. */
  scale?: number;
  /** A running exporter to use (it stays open); without one, a browser is started and closed again. */
  exporter?: FigureExporter;
}

/** One file written by {@link exportFigures}. */
export interface ExportedFigure {
  /** The figure's name as given. */
  name: string;
  format: ImageFormat;
  /** Absolute path of the file. */
  path: string;
  /** Size in bytes. */
  bytes: number;
}

/**
 * Writes every figure as `<dir>/<file name>.png` and/or `.svg` (static images for Word and PDF reports) through
 * one headless Chromium ({@link createFigureExporter}). File names come from {@link figureFileName}; two figures
 * with the same file name are an error, not an overwrite. Files are written in the order of `figures`, PNG before
 * SVG, and returned in that order. Deterministic: the same figure gives the same SVG bytes (and, on one machine,
 * the same PNG bytes).
 *
 * @example
 * await exportFigures(
 *   [{ name: "rangfolge", figure: rankingBarFigure(rows, { label: "name", value: "index" }) }],
 *   { dir: "output/abbildungen", formats: ["png", "svg"] },
 * );
 */
export async function exportFigures(figures: readonly NamedFigure[], options: ExportFiguresOptions): Promise<ExportedFigure[]> {
  const fn = "exportFigures";
  if (!Array.isArray(figures)) throw new Error(`${fn}: figures muss eine Liste von { name, figure } sein, angegeben ist ${figures === null ? "null" : typeof figures}`);
  if (typeof options?.dir !== "string" || options.dir === "") throw new Error(`${fn}: die Option dir ist erforderlich, angegeben ist ${JSON.stringify(options?.dir) ?? "nichts"}`);
  const formats = options.formats ?? ["png", "svg"];
  if (formats.length === 0) throw new Error(`${fn}: formats ist leer; "png" und/oder "svg" angeben`);
  for (const f of formats) if (f !== "png" && f !== "svg") throw new Error(`${fn}: unbekanntes Format "${f}" (möglich: "png" oder "svg")`);

  const files = new Map<string, string>();
  const planned = figures.map((entry, i) => {
    if (!entry || typeof entry.name !== "string" || !entry.figure) throw new Error(`${fn}: Eintrag ${i + 1} muss die Form { name, figure } haben`);
    const file = figureFileName(entry.name);
    const other = files.get(file);
    if (other !== undefined) throw new Error(`${fn}: die Abbildungen "${other}" und "${entry.name}" würden beide als "${file}" geschrieben`);
    files.set(file, entry.name);
    return { entry, file };
  });

  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const exporter = options.exporter ?? (await createFigureExporter({ executablePath: options.executablePath, timeout: options.timeout }));
  try {
    const written: ExportedFigure[] = [];
    for (const { entry, file } of planned) {
      const size = { width: entry.width ?? options.width, height: entry.height ?? options.height, name: entry.name };
      for (const format of [...new Set(formats)].sort()) {
        const content =
          format === "png"
            ? await exporter.toPng(entry.figure, { ...size, scale: options.scale })
            : await exporter.toSvg(entry.figure, size);
        const path = join(dir, `${file}.${format}`);
        writeFileSync(path, content);
        written.push({ name: entry.name, format, path, bytes: Buffer.byteLength(content) });
      }
    }
    return written;
  } finally {
    if (!options.exporter) await exporter.close();
  }
}
