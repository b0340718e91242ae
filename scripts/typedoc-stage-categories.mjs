// TypeDoc plugin: puts every documented export under the category of its stage (the folder of src/ it is
// declared in, e.g. "mix — Mix and segregation"), so that the API reference shows the groups of src/index.ts.
// A @category tag in a doc comment wins.
import { Comment, CommentTag, Converter } from "typedoc";

const STAGES = {
  inference: "01 inference — random numbers, permutation p-values",
  stats: "01 stats — ranks, quantiles, rank correlation",
  io: "02 io — reading CSV, XLSX, GeoJSON",
  table: "03 table — area tables, missing values, checks",
  indicators: "04 indicators — rates and target groups",
  standardize: "05 standardize — z-values and friends",
  classify: "06 classify — conspicuousness, indices, classes",
  mix: "07 mix — segregation and mix",
  spatial: "08 spatial — weights, Moran's I, LISA",
  supply: "09 supply — need and supply",
  audit: "10 audit — provenance, disclosure, sensitivity",
  analysis: "11 analysis — data model of the analysis",
  plot: "12 plot — figures",
  render: "13 render — offline HTML",
  report: "14 report — sections, report, workbook",
  export: "15 export — PNG/SVG",
  notebook: "16 notebook — display helpers",
  pipeline: "17 pipeline — configuration and run",
  synth: "18 synth — synthetic example city",
  training: "19 training — exercise checks",
  adapters: "20 adapters — danfo.js",
};

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (reflection.parent !== context.project) return;
    const symbol = context.getSymbolFromReflection?.(reflection) ?? context.project.getSymbolFromReflectionId?.(reflection.id);
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName ?? "";
    const m = /\/src\/([^/]+)\//.exec(file.replace(/\\/g, "/"));
    const stage = m && STAGES[m[1]];
    if (!stage) return;
    reflection.comment ??= new Comment();
    if (reflection.comment.blockTags.some((t) => t.tag === "@category")) return;
    reflection.comment.blockTags.push(new CommentTag("@category", [{ kind: "text", text: stage }]));
  });
}
