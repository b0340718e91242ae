import { formatCell } from "./formatCell.js";
import { disclosureRules, protectTable } from "./protectTable.js";
import type { ReportSection, TableColumn } from "./section.js";
import type { AnalysisResult } from "../analysis/analysisResult.js";

/**
 * Statistical disclosure control of every published table (`parameters.disclosure`): counts below the minimum,
 * shares (with their interval limits and z-values) whose base is below the minimum, and secondary suppression
 * (`protectTable`). A section "Geheimhaltung" lists the withheld cells (never their values) before the method
 * appendix. Figures are masked where they are built (see `withheldShare`).
 */
export function protectSections(result: AnalysisResult, sections: ReportSection[]): ReportSection[] {
  const sdc = result.parameters.disclosure;
  if (!sdc) return sections;
  const list: Array<Record<string, unknown>> = [];
  const out = sections.map((section) => {
    if (!section.tables?.length) return section;
    const tables = section.tables.map((table) => {
      // Each table declares its count and share columns (TableColumn.disclosure).
      const { counts, shares } = disclosureRules(table);
      const { table: protectedTable, withheld } = protectTable(table, { counts, shares, minCount: sdc.minCount, minBase: sdc.minBase, marker: sdc.marker });
      for (const w of withheld) {
        const row = table.rows[w.row];
        // The list names the rule, never a value (the detailed reasons of suppressDisclosive name the base).
        const grund =
          w.kind === "sekundär" ? "sekundäre Geheimhaltung" : counts.includes(w.column) ? `Fallzahl unter ${formatCell(sdc.minCount)}` : `Bezugsgröße unter ${formatCell(sdc.minBase)}`;
        list.push({ tabelle: table.title, sozialraum: String(row.sozialraum_id ?? row.id ?? w.row + 1), spalte: w.label, art: w.kind, grund });
      }
      return protectedTable;
    });
    return { ...section, tables };
  });
  const note: ReportSection = {
    id: "geheimhaltung",
    title: "Geheimhaltung",
    paragraphs: [
      `Veröffentlichte Tabellen und Abbildungen sind geheim gehalten: Fallzahlen unter ${formatCell(sdc.minCount)} und Anteile mit einer Bezugsgröße unter ${formatCell(sdc.minBase)} ` +
        `(samt Konfidenzgrenzen und z-Wert) sind durch „${sdc.marker}“ ersetzt; wo eine Summe einen geheim gehaltenen Wert verraten würde, ist ein weiterer Wert gesperrt (sekundäre Geheimhaltung). ` +
        `Die Analyse selbst rechnet mit allen Werten. ${list.length === 0 ? "In diesem Bericht musste kein Wert gesperrt werden." : `Gesperrt sind ${list.length} Tabellenzellen.`}`,
    ],
    tables: list.length
      ? [{
          title: "Geheimhaltung",
          columns: [
            { key: "tabelle", label: "Tabelle" },
            { key: "sozialraum", label: "Sozialraum" },
            { key: "spalte", label: "Spalte" },
            { key: "art", label: "Art" },
            { key: "grund", label: "Grund" },
          ],
          rows: list,
        }]
      : [],
  };
  const at = out.findIndex((x) => x.id === "methode");
  return at < 0 ? [...out, note] : [...out.slice(0, at), note, ...out.slice(at)];
}

/** True when the published value of `indicator` in area `id` must be withheld (its base is below `disclosure.minBase`). */
export function withheldShare(result: AnalysisResult): (id: string, indicator: string) => boolean {
  const sdc = result.parameters.disclosure;
  if (!sdc) return () => false;
  const byId = new Map(result.indicators.current.areas.map((a) => [a.id, a]));
  return (id, indicator) => {
    const d = byId.get(id)?.values[indicator]?.denominator;
    return d !== null && d !== undefined && d < sdc.minBase;
  };
}
