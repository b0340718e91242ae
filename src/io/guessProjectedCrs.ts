/**
 * Likely coordinate reference systems of projected coordinates in Germany, judged by the ranges of easting (x)
 * and northing (y) over the bbox [minX, minY, maxX, maxY]. The ranges cover Germany (about 5,8–15,1° Ost,
 * 47,2–55,1° Nord) with a margin:
 *
 * | EPSG  | system                         | x (m)                 | y (m)                 |
 * |-------|--------------------------------|-----------------------|-----------------------|
 * | 25832 | ETRS89 / UTM 32N               | 250 000 – 950 000     | 5 200 000 – 6 150 000 |
 * | 25833 | ETRS89 / UTM 33N (Ostdeutschland, 12–15° Ost) | 250 000 – 520 000 | 5 200 000 – 6 150 000 |
 * | 4647  | UTM 32N mit Zonenkennziffer    | 32 250 000 – 32 950 000 | 5 200 000 – 6 150 000 |
 * | 5650  | UTM 33N mit Zonenkennziffer    | 33 250 000 – 33 520 000 | 5 200 000 – 6 150 000 |
 * | 3035  | ETRS89 / LAEA Europe           | 4 000 000 – 4 700 000 | 2 650 000 – 3 600 000 |
 * | 31466–31468 | Gauß-Krüger Zone 2–4     | 2/3/4 300 000 – 2/3/4 700 000 | 5 200 000 – 6 150 000 |
 * | 3857  | Web-Mercator                   | 600 000 – 1 700 000   | 5 950 000 – 7 400 000 |
 *
 * UTM 32N and 33N cannot be told apart by the numbers alone where both overlap (x below 520 000): both are
 * returned, 32N first (most of Germany).
 *
 * @returns EPSG codes, most likely first (empty if none fits)
 * @example
 * guessProjectedCrs([359998, 5654453, 371000, 5664000]); // ["EPSG:25832", "EPSG:25833"]
 */
export function guessProjectedCrs(bbox: readonly [number, number, number, number]): string[] {
  const [x0, y0, x1, y1] = bbox;
  const inside = (xa: number, xb: number, ya: number, yb: number) => x0 >= xa && x1 <= xb && y0 >= ya && y1 <= yb;
  const utmY = (xa: number, xb: number) => inside(xa, xb, 5_200_000, 6_150_000);
  const out: string[] = [];
  if (utmY(250_000, 950_000)) out.push("EPSG:25832");
  if (utmY(250_000, 520_000)) out.push("EPSG:25833");
  if (utmY(32_250_000, 32_950_000)) out.push("EPSG:4647");
  if (utmY(33_250_000, 33_520_000)) out.push("EPSG:5650");
  if (inside(4_000_000, 4_700_000, 2_650_000, 3_600_000)) out.push("EPSG:3035");
  if (utmY(2_300_000, 2_700_000)) out.push("EPSG:31466");
  if (utmY(3_300_000, 3_700_000)) out.push("EPSG:31467");
  if (utmY(4_300_000, 4_700_000)) out.push("EPSG:31468");
  if (inside(600_000, 1_700_000, 5_950_000, 7_400_000)) out.push("EPSG:3857");
  return out;
}
