import type { Figure } from "../plot/figure.js";

const REMOTE = /^(https?:)?\/\//i;

/**
 * Throws if a figure would make plotly load something over the network: a trace whose `geojson` is a URL
 * (plotly fetches it), a layout image with a remote `source`, or a remote `config.topojsonURL` is not needed
 * offline either. Called by every HTML renderer, so a report never depends on the network.
 */
export function assertOfflineFigure(figure: Figure, where = "figure"): void {
  if (!figure || !Array.isArray(figure.data) || typeof figure.layout !== "object" || figure.layout === null) {
    throw new Error(`assertOfflineFigure: ${where} is not a plotly figure ({ data: [], layout: {} })`);
  }
  figure.data.forEach((trace, i) => {
    if (typeof trace.geojson === "string") {
      throw new Error(
        `assertOfflineFigure: trace ${i} of ${where} references its GeoJSON by URL ("${trace.geojson}"); embed the GeoJSON object instead`,
      );
    }
  });
  const images = figure.layout.images;
  if (Array.isArray(images)) {
    images.forEach((img: { source?: unknown }, i) => {
      if (typeof img?.source === "string" && REMOTE.test(img.source)) {
        throw new Error(`assertOfflineFigure: layout image ${i} of ${where} loads "${img.source}"; use a data: URL`);
      }
    });
  }
}
