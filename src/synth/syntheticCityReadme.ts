import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { SyntheticCity } from "./generateSyntheticCity.js";
import { SURVEY_YEARS, SUPPRESSION_THRESHOLD, type SurveyYear } from "./strukturdaten.js";
import type { SyntheticArea } from "./syntheticArea.js";
import { panelSection } from "./syntheticPanelReadme.js";

const pct = (num: number, den: number): string => (den > 0 ? formatGermanNumber((100 * num) / den, { decimals: 1 }) : "–");
const z = (x: number): string => (x >= 0 ? "+" : "−") + Math.abs(x).toFixed(2);
const sgb2Rate = (a: SyntheticArea, y: SurveyYear): string => pct(a.counts[y].sgb2_personen, a.counts[y].einwohner - a.counts[y].ew_65_plus);
const childRate = (a: SyntheticArea, y: SurveyYear): string => pct(a.counts[y].sgb2_unter_15, a.counts[y].ew_0_5 + a.counts[y].ew_6_14);
const table = (head: string[], rows: string[][]): string =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/**
 * data/README.md of the embedded city, generated with the data so that the documented planted structure always
 * matches the files.
 */
export function syntheticCityReadme(city: SyntheticCity): string {
  const { areas, spec } = city;
  const total = (y: SurveyYear, k: keyof SyntheticArea["counts"][2016]): number => areas.reduce((s, a) => s + a.counts[y][k], 0);
  const cityRow = (y: SurveyYear): string[] => [
    String(y),
    String(total(y, "einwohner")),
    pct(total(y, "sgb2_personen"), total(y, "einwohner") - total(y, "ew_65_plus")),
    pct(total(y, "sgb2_unter_15"), total(y, "ew_0_5") + total(y, "ew_6_14")),
    pct(total(y, "grundsicherung_65_plus"), total(y, "ew_65_plus")),
    pct(total(y, "migrationshintergrund"), total(y, "einwohner")),
    pct(total(y, "arbeitslose"), total(y, "ew_15_17") + total(y, "ew_18_24") + total(y, "ew_25_64")),
  ];
  const byDeprivation = [...areas].sort((a, b) => b.deprivation[2016] - a.deprivation[2016] || a.id.localeCompare(b.id));
  const byChange = [...areas].sort((a, b) => a.deprivation[2018] - a.deprivation[2016] - (b.deprivation[2018] - b.deprivation[2016]) || a.id.localeCompare(b.id));
  const areaName = (id: string): string => (areas.find((a) => a.id === id) as SyntheticArea).name;
  const suppressed = (y: SurveyYear): string[][] =>
    city.strukturdaten[y].flatMap((row) => {
      const cells = Object.entries(row).filter(([, v]) => typeof v === "object");
      return cells.length ? [[String(y), String(row.sozialraum_id), areaName(String(row.sozialraum_id)), String(row.einwohner), cells.map(([k, v]) => `${k} "${String(v)}"`).join(", ")]] : [];
    });
  const teile = [...new Map(areas.map((a) => [a.stadtteilId, a])).values()];
  const bezirke = [...new Map(areas.map((a) => [a.stadtbezirkId, a])).values()];

  return `# The embedded city — SYNTHETIC DATA

**Everything in this folder is synthetic.** The city, its borders, residents, facilities and observations were
made up by a seeded generator (\`src/synth/\`). The names echo the Stadtteile of Leverkusen and the layout is loosely
Leverkusen-like, so that the example feels familiar, but no number, border or facility describes the real city.
Do not cite these data as facts about Leverkusen.

The data exist to exercise sozialraum end to end (reading, checking, indicators, auffällige Sozialräume, social
mix, neighbourhoods, need versus supply) with structure that is **known**: what was planted is listed below, so
an analysis can be checked against it.

## How it was made

- Command: \`npx tsx scripts/generate-data.ts\` (writes this folder; \`--out <dir>\` and \`--seed <n>\` for other
  places and seeds). The same seed gives the same bytes; a test regenerates the files and compares.
- Seed: **${city.seed}**. City specification: \`SYNTHETIC_CITY_SPEC\` in \`src/synth/citySpec.ts\`.
- Geometry: a ${spec.nx} × ${spec.ny} lattice over ${spec.bbox.west}–${spec.bbox.east} °E, ${spec.bbox.south}–${spec.bbox.north} °N with jittered
  vertices. The city outline is a wobbly ellipse; ${teile.length} Stadtteile are a weighted Voronoi (power) diagram of
  seeds, ${areas.length} Sozialräume are compact groups of cells inside each Stadtteil (Lloyd iterations). Every
  Sozialraum is one connected polygon without holes; neighbours share their border vertices exactly, so rook and
  queen contiguity are well defined, and the polygons cover the city without gaps or overlaps.
- Social structure: a latent **deprivation** field (planted Gaussian bumps + smoothed noise), averaged per
  Sozialraum and standardised (z). Rates depend on it on the logit scale, with persistent area effects and
  binomial noise: SGB II, Kinderarmut, Altersarmut, migration background, Alleinerziehende, unemployment. Age
  structure depends on deprivation and a separate smooth ageing field.
- Four biennial surveys 2014, 2016, 2018, 2020 of the same Sozialräume (a panel): 2018 = 2016 + planted trends
  + noise; 2014 and 2020 were added later from their own random streams (2016, 2018 and every other file stayed
  byte-identical): 2014 = 2016 − planted change 2014 → 2016 + noise, 2020 = 2018 + planted change 2018 → 2020
  + noise; population drifts with each area's growth. City-wide SGB II and migration shares rise slowly.
- Facilities (state 2018) follow the target population, with planted gaps; observations are planted in areas
  whose data back them up and in areas where the data show nothing.
- Vernetzung: local actors and cooperations between them and the facilities, with well and hardly networked
  deprived Sozialräume planted (see below).

## Files

All CSV files: UTF-8 (no BOM), \`;\` as separator, decimal comma, no thousands separator, \`\\n\` line ends, one
header line. Area keys are strings with leading zeros: \`BBTTSS\` = Stadtbezirk \`BB\`, Stadtteil \`TT\` within it,
Sozialraum \`SS\` within the Stadtteil (e.g. \`010301\`); \`stadtteil_id\` = \`BBTT\`, \`stadtbezirk_id\` = \`BB\`.

### \`gebiete.csv\` — the hierarchy (${areas.length} Sozialräume, ${teile.length} Stadtteile, ${bezirke.length} Stadtbezirke)

\`sozialraum_id;sozialraum_name;stadtteil_id;stadtteil_name;stadtbezirk_id;stadtbezirk_name\`

### \`strukturdaten_2014.csv\`, \`strukturdaten_2016.csv\`, \`strukturdaten_2018.csv\`, \`strukturdaten_2020.csv\` — counts per Sozialraum (31 December)

| column | meaning (unit: persons unless stated) |
|---|---|
| sozialraum_id | area key |
| einwohner | residents (main residence) = sum of the six age bands |
| ew_0_5, ew_6_14, ew_15_17, ew_18_24, ew_25_64, ew_65_plus | residents by age band (0–5, 6–14, 15–17, 18–24, 25–64, 65 and older) |
| haushalte | households |
| hh_mit_kindern | households with children under 18 (≤ haushalte) |
| hh_alleinerziehend | single-parent households (≤ hh_mit_kindern) |
| sgb2_personen | persons receiving SGB II (Regelleistungsberechtigte) = sgb2_unter_15 + sgb2_elb_15_64 + a few non-employable persons 15+ |
| sgb2_elb_15_64 | erwerbsfähige Leistungsberechtigte (SGB II) aged 15–64 (≤ residents 15–64) |
| sgb2_unter_15 | SGB II recipients under 15 (≤ ew_0_5 + ew_6_14) |
| arbeitslose | registered unemployed = arbeitslose_sgb2 + arbeitslose_sgb3 |
| arbeitslose_sgb2, arbeitslose_sgb3 | unemployed in the SGB II (Jobcenter) and SGB III (Arbeitsagentur) systems; arbeitslose_sgb2 ≤ sgb2_elb_15_64 |
| arbeitslose_15_24 | unemployed aged 15–24 (≤ arbeitslose, ≤ ew_15_17 + ew_18_24) |
| grundsicherung_65_plus | recipients of Grundsicherung im Alter, 65+ (≤ ew_65_plus) |
| migrationshintergrund | residents with a migration background (≤ einwohner) |

Usual rates: SGB-II-Quote = sgb2_personen / (einwohner − ew_65_plus); Kinderarmut = sgb2_unter_15 /
(ew_0_5 + ew_6_14); Altersarmut = grundsicherung_65_plus / ew_65_plus.

**Markers** (as German statistics offices publish): in Sozialräume with fewer than ${SUPPRESSION_THRESHOLD} residents,
counts of 1 or 2 are suppressed as \`.\` (Geheimhaltung) and zeros are written \`-\` (nichts vorhanden); where cells
add up (age bands → einwohner; arbeitslose = SGB II + SGB III) a single \`.\` would be recomputable, so the
smallest other cell of the group is suppressed as well (secondary suppression). \`einwohner\` is always published.
In 2014 and 2016 \`migrationshintergrund\` was not recorded for these small areas: the cell is **empty**. Suppressed and
empty cells are not zeros: read them as missing and keep the marker.

### \`sozialraeume.geojson\` — borders

FeatureCollection in WGS84 (lon, lat; RFC 7946: outer rings counter-clockwise, first point repeated at the end),
properties \`sozialraum_id\`, \`sozialraum_name\`, \`stadtteil_id\`, \`stadtbezirk_id\`. All features are \`Polygon\`
except the Sozialräume of Hitdorf, which come as \`MultiPolygon\` with one part (as GIS exports often mix both).
Coordinates have 6 decimals.

### \`einrichtungen.csv\` — facilities (${city.einrichtungen.length}, state 2018)

\`einrichtung_id;name;typ;zielgruppe;kapazitaet;lon;lat\` — \`typ\` ∈ Kita, Jugendzentrum, Familienzentrum,
Seniorentreff, Beratungsstelle; \`zielgruppe\` = target group ids separated by \`|\` (\`children\`, \`working-age\`,
\`elderly\`, \`context\`); \`kapazitaet\`: Kita = Betreuungsplätze, Jugendzentrum = Besuchsplätze, Familienzentrum =
betreute Familien, Seniorentreff = Plätze, Beratungsstelle = Beratungsfälle pro Monat; \`lon\`, \`lat\` in degrees
with decimal comma. Every point lies inside a Sozialraum.

${table(["typ", "Anzahl", "Plätze/Kapazität gesamt"], ["Kita", "Jugendzentrum", "Familienzentrum", "Seniorentreff", "Beratungsstelle"].map((t) => {
    const fs = city.einrichtungen.filter((f) => f.typ === t);
    return [t, String(fs.length), String(fs.reduce((s, f) => s + f.kapazitaet, 0))];
  }))}

### \`stadtteiltreffen.csv\` — local observations (${city.stadtteiltreffen.length})

\`datum;sozialraum_id;zielgruppe;quelle;text;tags;bedarf\` — \`datum\` ISO (YYYY-MM-DD), \`zielgruppe\` one target
group id, \`tags\` separated by \`|\`, \`bedarf\` ∈ hoch, mittel, niedrig. Texts are German and may contain commas.

### \`akteure.csv\` — local actors of the cooperation network (${city.akteure.length})

\`akteur_id;name;art;sozialraum_id;lon;lat\` — everyone in the network who is not a facility of einrichtungen.csv.
\`akteur_id\` is unique and never an \`einrichtung_id\`; \`art\` ∈ Schule, Verein, Kirchengemeinde, Moscheegemeinde,
Initiative, Quartiersmanagement, Wohnungsbaugesellschaft (readers also know Polizei and Jobcenter); \`sozialraum_id\`
is the Sozialraum the actor works in; \`lon\`, \`lat\` (optional columns, may be empty) with decimal comma.

${table(["art", "Anzahl"], [...new Set(city.akteure.map((r) => r.art))].map((k) => [k, String(city.akteure.filter((r) => r.art === k).length)]))}

### \`kooperationen.csv\` — cooperations (${city.kooperationen.length})

\`kooperation_id;akteur_a;akteur_b;thema;seit;aktiv\` — one row per cooperation between two partners (undirected; the
order of \`akteur_a\` and \`akteur_b\` carries no meaning). A partner is an \`einrichtung_id\` or an \`akteur_id\`; a
partner never cooperates with itself; one pair may have several cooperations on different topics. \`thema\` German
text; \`seit\` the start as \`JJJJ-MM\` (readers also accept \`JJJJ\` and \`JJJJ-MM-TT\`); \`aktiv\` ∈ ja, nein
(nein: the cooperation has ended). Facilities belong to the Sozialraum their point lies in. Active: ${city.kooperationen.filter((c) => c.aktiv === "ja").length}, ended: ${city.kooperationen.filter((c) => c.aktiv === "nein").length}.

## City totals

${table(["Jahr", "Einwohner", "SGB-II-Quote %", "Kinderarmut %", "Altersarmut %", "Migrationshintergrund %", "Arbeitslose je 15–64 %"], SURVEY_YEARS.map(cityRow))}

## Planted structure (to check analyses against)

### Where disadvantage clusters

Planted bumps of the latent deprivation field and the Sozialraum containing each centre:

${table(["bump", "amplitude", "Sozialraum"], spec.deprivation.map((b) => {
    const a = areas.find((x) => x.hotspots.includes(b.label));
    return [b.label, z(b.amplitude), a ? `${a.id} ${a.name}` : "(centre outside)"];
  }))}

The resulting latent deprivation (z, 2016) clusters in the west and centre (Rheindorf, Wiesdorf, Küppersteg, parts
of Opladen and Manfort); the east and north-east (Schlebusch, Bergisch Neukirchen, Lützenkirchen) are well off.
The 12 most deprived Sozialräume:

${table(["Rang", "Sozialraum", "Name", "Deprivation 2016 (z)", "SGB-II-Quote 2016 %", "Kinderarmut 2016 %"], byDeprivation.slice(0, 12).map((a, k) => [String(k + 1), a.id, a.name, z(a.deprivation[2016]), sgb2Rate(a, 2016), childRate(a, 2016)]))}

The 5 least deprived: ${byDeprivation.slice(-5).reverse().map((a) => `${a.id} ${a.name} (${z(a.deprivation[2016])})`).join(", ")}.

### Change 2016 → 2018

Planted trends: ${spec.trend.map((b) => `${b.label} (${z(b.amplitude)})`).join("; ")}; plus noise (sd 0,1). Population growth: ${spec.growth.map((b) => `${b.label} (+${Math.round(b.amplitude * 100)} %)`).join("; ")}.

${table(["", "Sozialraum", "Name", "Δ Deprivation (z)", "SGB-II-Quote 2016 → 2018 %"], [
    ...byChange.slice(0, 5).map((a) => ["verbessert", a.id, a.name, z(a.deprivation[2018] - a.deprivation[2016]), `${sgb2Rate(a, 2016)} → ${sgb2Rate(a, 2018)}`]),
    ...byChange.slice(-5).reverse().map((a) => ["verschlechtert", a.id, a.name, z(a.deprivation[2018] - a.deprivation[2016]), `${sgb2Rate(a, 2016)} → ${sgb2Rate(a, 2018)}`]),
  ])}

${panelSection(city)}

### Very small areas and suppressed cells

${table(["Sozialraum", "Name", "Einwohner 2014 / 2016 / 2018 / 2020", "why"], areas.filter((a) => a.small).map((a) => [a.id, a.name, SURVEY_YEARS.map((y) => a.counts[y].einwohner).join(" / "), a.small as string]))}

Suppressed (\`.\`), zero (\`-\`) and empty (\`""\`) cells:

${table(["Jahr", "Sozialraum", "Name", "Einwohner", "cells"], SURVEY_YEARS.flatMap(suppressed))}

### Supply gaps (facilities)

${table(["Sozialraum", "Name", "planted", "Kita-Faktor"], areas.filter((a) => a.supply.notes.length > 0 && (a.hotspots.length > 0 || a.supply.none.length > 0 || a.supply.kitaFactor !== 1)).filter((a, k, all) => a.hotspots.length > 0 || all.findIndex((b) => b.stadtteilId === a.stadtteilId) === k).map((a) => [a.id, a.name, a.supply.notes.join("; ") + (a.hotspots.length ? "" : ` (ganzer Stadtteil ${a.stadtteilName})`), formatGermanNumber(a.supply.kitaFactor, { decimals: 2 })]))}

Kita places elsewhere are about 0,6 × ew_0_5 (× noise); counselling centres sit in the central Sozialräume of
Wiesdorf, Opladen and Schlebusch only.

### Observations (stadtteiltreffen.csv)

${table(["datum", "Sozialraum", "Name", "zielgruppe", "befund"], city.stadtteiltreffen.map((o) => [o.datum, o.sozialraum_id, areaName(o.sozialraum_id), o.zielgruppe, o.befund]))}

### Vernetzung (akteure.csv, kooperationen.csv)

Drawn from the generator's own random stream (the other files are unchanged by it). Per regular Sozialraum a
Grundschule, often a Verein and a Kirchengemeinde, in deprived areas sometimes a Moscheegemeinde; the very small
areas have no local actors. Pairs inside a Sozialraum cooperate with probability 0,35; Familienzentren work with
the Kitas, Jugendzentren with the schools of their Stadtteil, Beratungsstellen with 2–4 partners anywhere in the
city (ties across Sozialraum borders); about 12 % of these cooperations have ended (\`aktiv\` = nein). Planted:

${table(["Sozialraum", "Name", "planted", "Deprivation 2018 (z)"], [
    ...city.vernetzung.wellNetworked.map((id) => [id, areaName(id), "gut vernetzt: Quartiersmanagement mit allen Akteuren des Sozialraums, dichtes Netz, Stadtteilkonferenz mit Nachbarräumen", z((areas.find((a) => a.id === id) as SyntheticArea).deprivation[2018])]),
    ...city.vernetzung.poorlyNetworked.map((id) => [id, areaName(id), "auffällig, aber kaum vernetzt: eine aktive Kooperation (Kita–Grundschule), eine beendete, keine über die Grenze", z((areas.find((a) => a.id === id) as SyntheticArea).deprivation[2018])]),
  ])}

"gut vernetzt": the Sozialräume of the planted deprivation centres with positive amplitude. "kaum vernetzt": the
3 most deprived (2018) other Sozialräume with at least two facilities and no Beratungsstelle. Facilities planted
without any cooperation: ${city.vernetzung.isolatedFacilities.join(", ")}; others have none by chance (a small area, no
pair drawn).

"von Daten gestützt": the area is among the 8 highest of the target group's 2018 rate (children: Kinderarmut,
working-age: SGB-II-Quote, elderly: Altersarmut, context: migration share). "ohne Datenbefund": the area is in the
less deprived half — the data show nothing, the observation is local knowledge.
`;
}
