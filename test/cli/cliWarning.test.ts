import { describe, expect, it } from "vitest";
import { cliWarning } from "../../src/cli/cliWarning.js";

describe("cliWarning", () => {
  it("points a command-line user at the report section and workbook sheet instead of the API field 'excluded'", () => {
    // The texts of compositeIndex and conspicuousness as `sozialraum analyse` printed them on the embedded city.
    expect(cliWarning("compositeIndex: 3 von 61 Gebieten ausgeschlossen (siehe excluded)")).toBe(
      "compositeIndex: 3 von 61 Gebieten ausgeschlossen (siehe Abschnitt „Ausgeschlossene Sozialräume“ im Bericht und Blatt „Ausschlüsse“ der Arbeitsmappe)",
    );
    expect(cliWarning("Durchmischung: Spalte fehlt")).toBe("Durchmischung: Spalte fehlt");
  });
});
