import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeLabels } from "../../src/plot/placeLabels.js";

type Note = { x: number; y: number; text: string; ax: number; ay: number };
const W = 760;
const H = 420;
/** The estimated pixel box of a placed label, as placeLabels estimates it (0.6 × font size per character). */
const box = (n: Note, xr: [number, number], yr: [number, number], font = 10) => {
  const cx = ((n.x - xr[0]) / (xr[1] - xr[0])) * W + n.ax;
  const cy = H - ((n.y - yr[0]) / (yr[1] - yr[0])) * H + n.ay;
  const w = n.text.length * font * 0.6 + 4;
  const h = font + 4;
  return { l: cx - w / 2, r: cx + w / 2, t: cy - h / 2, b: cy + h / 2 };
};

describe("placeLabels", () => {
  it("puts a lone label above its point, with a leader line", () => {
    const [n] = placeLabels([{ x: 1, y: 2, text: "Altstadt" }], { xRange: [0, 3], yRange: [0, 4] });
    expect(n).toMatchObject({ x: 1, y: 2, text: "Altstadt", xref: "x", yref: "y", showarrow: true, ax: 0, ay: -16 });
  });

  it("moves a second label at the same place elsewhere, keeps the order, leaves out what finds no room", () => {
    const pts = [
      { x: 1, y: 2, text: "Erster" },
      { x: 1, y: 2, text: "Zweiter" },
    ];
    const notes = placeLabels(pts, { xRange: [0, 3], yRange: [0, 4] }) as Note[];
    expect(notes.map((n) => n.text)).toEqual(["Erster", "Zweiter"]);
    expect([notes[1].ax, notes[1].ay]).not.toEqual([notes[0].ax, notes[0].ay]);
    // a label longer than the plot is wide has no place
    expect(placeLabels([{ x: 1, y: 2, text: "x".repeat(200) }], { xRange: [0, 3], yRange: [0, 4] })).toEqual([]);
    // a reserved corner is avoided
    const corner = placeLabels([{ x: 0.1, y: 3.9, text: "Ecke" }], { xRange: [0, 3], yRange: [0, 4], reserved: [{ left: 0, right: 60, top: 0, bottom: 20 }] }) as Note[];
    expect(corner).toHaveLength(1);
    expect(box(corner[0], [0, 3], [0, 4]).t >= 20 || box(corner[0], [0, 3], [0, 4]).l >= 60).toBe(true);
  });

  it("never lets two labels overlap or leave the plot area (property)", () => {
    const point = fc.record({ x: fc.double({ min: 0, max: 10, noNaN: true }), y: fc.double({ min: 0, max: 10, noNaN: true }), text: fc.string({ minLength: 1, maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 25 }), (pts) => {
        const notes = placeLabels(pts, { xRange: [0, 10], yRange: [0, 10] }) as Note[];
        const boxes = notes.map((n) => box(n, [0, 10], [0, 10]));
        for (const b of boxes) expect(b.l >= 0 && b.r <= W && b.t >= 0 && b.b <= H).toBe(true);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, c] = [boxes[i], boxes[j]];
            expect(a.l < c.r && c.l < a.r && a.t < c.b && c.t < a.b).toBe(false);
          }
        }
      }),
    );
  });
});
