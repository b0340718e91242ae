import { createRequire } from "node:module";
import { stableStringify } from "../../audit/stable-stringify.js";
import type { Provenance } from "../../audit/provenance.js";
import { plotlyVersion } from "../../render/plotlyBundle.js";
import type { ReportSection, ReportTable } from "../section.js";
import type { AnalysisInput } from "../../analysis/analysisResult.js";

/**
 * Versions of the software whose output ends up in the files: the library, plotly.js (inlined into the HTML
 * report) and exceljs (writes the workbook). Same versions + same inputs + same parameters → same bytes.
 */
export function softwareVersions(library: Provenance["library"]): Record<string, string> {
  let exceljs = "unbekannt";
  try {
    exceljs = (createRequire(import.meta.url)("exceljs/package.json") as { version: string }).version;
  } catch {
    // an unusual installation without the package.json: the version stays "unbekannt"
  }
  return { [library.name]: library.version, "plotly.js": plotlyVersion(), exceljs };
}

/**
 * The parameters of a provenance record as one row per setting: nested keys joined with "." (e.g.
 * "thresholds.flag"); a list of objects with an `id` gives one row per object, "indicators[kinderarmut]",
 * with the object as JSON; other lists and scalars as JSON.
 *
 * @example
 * flattenParameters({ thresholds: { flag: 1 }, ids: ["a"] }); // [["ids", '["a"]'], ["thresholds.flag", "1"]]
 */
export function flattenParameters(value: unknown, prefix = ""): Array<[string, string]> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    if (entries.length === 0) return [[prefix, "{}"]];
    return entries.flatMap((k) => flattenParameters((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  }
  if (Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === "object" && typeof (v as { id?: unknown }).id === "string")) {
    return value.map((v) => [`${prefix}[${(v as { id: string }).id}]`, stableStringify(v)]);
  }
  return [[prefix, typeof value === "string" ? value : stableStringify(value ?? null)]];
}

/**
 * The report section "Nachvollziehbarkeit" and the workbook sheet "Herkunft": what a reviewer needs to re-run the
 * analysis and get identical bytes — the SHA-256 of every input, the software versions, the fingerprint, the
 * report date (the one time stamp of the outputs) and every parameter.
 *
 * @example
 * const section = provenanceSection(result.provenance, result.inputs);
 */
export function provenanceSection(p: Provenance, inputs: readonly AnalysisInput[]): ReportSection {
  const rows: Array<Record<string, unknown>> = [];
  for (const [name, version] of Object.entries(softwareVersions(p.library))) rows.push({ bereich: "Programm", name, wert: version });
  rows.push({ bereich: "Lauf", name: "Stand (Berichtsdatum, einziger Zeitstempel)", wert: p.createdAt ?? "–" });
  rows.push({ bereich: "Lauf", name: "Fingerabdruck (SHA-256 über Version, Eingaben und Parameter)", wert: p.fingerprint });
  for (const i of inputs) rows.push({ bereich: "Eingabe", name: i.role, wert: i.path, sha256: i.sha256, bytes: i.bytes });
  for (const [name, wert] of flattenParameters(p.parameters)) rows.push({ bereich: "Parameter", name, wert });
  const columns = [
    { key: "bereich", label: "Bereich" },
    { key: "name", label: "Angabe" },
    { key: "wert", label: "Wert" },
    { key: "sha256", label: "SHA-256" },
    { key: "bytes", label: "Bytes", decimals: 0 },
  ];
  // The workbook gets one sheet with everything; the HTML report two tables, so that the long parameter
  // values (indicator definitions as JSON) do not push the checksums out of sight.
  const sheet: ReportTable = { title: "Herkunft", columns, rows, html: false };
  const files: ReportTable = { title: "Programm, Lauf und Eingabedateien", columns, rows: rows.filter((r) => r.bereich !== "Parameter"), sheet: false };
  const parameters: ReportTable = {
    title: "Parameter (vollständig, wie in herkunft.json)",
    columns: [
      { key: "name", label: "Parameter" },
      { key: "wert", label: "Wert" },
    ],
    rows: rows.filter((r) => r.bereich === "Parameter"),
    sheet: false,
    fullTable: "Herkunft",
  };
  return {
    id: "nachvollziehbarkeit",
    title: "Nachvollziehbarkeit",
    paragraphs: [
      `Gleiche Eingabedateien (gleiche SHA-256-Prüfsummen), gleiche Parameter und gleiche Programmversionen ergeben byte-gleiche Ausgaben. ` +
        `Der einzige Zeitstempel in allen Ausgaben ist der Stand (Berichtsdatum ${p.createdAt ?? "–"}, Option --date bzw. report.date); ` +
        `wer die Analyse mit demselben Stand wiederholt, erhält dieselben Dateien.`,
      `Fingerabdruck der Analyse: ${p.fingerprint} (unabhängig vom Berichtsdatum). Zufallsschritte (Permutationstests) verwenden den Startwert des Parameters „seed“. ` +
        `Die Datei herkunft.json neben dem Bericht enthält dieselben Angaben maschinenlesbar, dazu die SHA-256 jeder geschriebenen Ausgabedatei.`,
      "Pfade sind relativ zum Datenordner angegeben, damit die Angaben auf jedem Rechner gleich sind.",
    ],
    tables: [files, parameters, sheet],
  };
}
