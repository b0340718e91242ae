import type { Figure } from "../plot/figure.js";

const REMOTE = /^(https?:)?\/\//i;

/**
 * Throws if a figure would make plotly load something over the network: a trace whose `geojson` is a URL
 * (plotly fetches it), a layout image with a remote `source`, or a remote `config.topojsonURL` is not needed
 * offline either. Called by every HTML renderer, so a report never depends on the network.
 */
export function assertOfflineFigure(figure: Figure, where = "Abbildung"): void {
  if (!figure || !Array.isArray(figure.data) || typeof figure.layout !== "object" || figure.layout === null) {
    throw new Error(`assertOfflineFigure: ${where} ist keine plotly-Abbildung ({ data: [], layout: {} })`);
  }
  figure.data.forEach((trace, i) => {
    if (typeof trace.geojson === "string") {
      throw new Error(
        `assertOfflineFigure: Datenreihe ${i} von ${where} verweist per URL auf ihr GeoJSON ("${trace.geojson}"); stattdessen das GeoJSON-Objekt einbetten`,
      );
    }
  });
  const images = figure.layout.images;
  if (Array.isArray(images)) {
    images.forEach((img: { source?: unknown }, i) => {
      if (typeof img?.source === "string" && REMOTE.test(img.source)) {
        throw new Error(`assertOfflineFigure: Layout-Bild ${i} von ${where} lädt "${img.source}"; eine data:-URL verwenden`);
      }
    });
  }
}
