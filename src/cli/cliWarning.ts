/**
 * A library warning as the command line shows it: "(siehe excluded)" points a library user at the result's
 * `excluded` list; a user of `sozialraum analyse` finds the same list in the report and the workbook.
 *
 * @example
 * cliWarning("compositeIndex: 3 von 61 Gebieten ausgeschlossen (siehe excluded)");
 * // "compositeIndex: 3 von 61 Gebieten ausgeschlossen (siehe Abschnitt „Ausgeschlossene Sozialräume“ im Bericht und Blatt „Ausschlüsse“ der Arbeitsmappe)"
 */
export function cliWarning(warning: string): string {
  return warning.replace(/\(siehe excluded\)/g, "(siehe Abschnitt „Ausgeschlossene Sozialräume“ im Bericht und Blatt „Ausschlüsse“ der Arbeitsmappe)");
}
