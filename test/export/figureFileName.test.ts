import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figureFileName } from "../../src/export/index.js";

describe("figureFileName", () => {
  it("transliterates German letters and replaces everything else by single hyphens", () => {
    expect(figureFileName("Karte der Statusklassen (Stand 2018)")).toBe("karte-der-statusklassen-stand-2018");
    expect(figureFileName("Ältere über 65 – Grundsicherung")).toBe("aeltere-ueber-65-grundsicherung");
    expect(figureFileName("Straße/Größe: Öffnung")).toBe("strasse-groesse-oeffnung");
    expect(figureFileName("zielgruppe-working-age-abbildung-1")).toBe("zielgruppe-working-age-abbildung-1");
    expect(figureFileName("Café Élysée")).toBe("cafe-elysee");
    expect(figureFileName("../../etc/passwd")).toBe("etc-passwd");
    expect(figureFileName("z_werte.2018")).toBe("z_werte.2018");
  });

  it("refuses names without letters or digits", () => {
    expect(() => figureFileName(" / – ")).toThrow('figureFileName: name " / – " enthält keine Buchstaben oder Ziffern für einen Dateinamen');
    expect(() => figureFileName(3 as unknown as string)).toThrow("figureFileName: name muss eine Zeichenkette sein, angegeben ist number");
  });

  it("always gives a portable name, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (name) => {
        let slug: string;
        try {
          slug = figureFileName(name);
        } catch {
          return true; // nothing usable in the name: an error, checked above
        }
        expect(slug).toMatch(/^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?$/);
        expect(figureFileName(slug)).toBe(slug);
        return true;
      }),
    );
  });
});
