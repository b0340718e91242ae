/**
 * Mean Earth radius in km (IUGG, R1 = (2a + b) / 3 of WGS84), used for every distance on longitude/latitude:
 * the great-circle distances of the supply module (`haversineKm`) and the projection of centroids to km for the
 * distance-based spatial weights.
 *
 * Source: H. Moritz (2000), "Geodetic Reference System 1980", Journal of Geodesy 74, 128–133.
 *
 * @example
 * (EARTH_RADIUS_KM * Math.PI) / 180; // 111.19508023… km per degree of latitude
 */
export const EARTH_RADIUS_KM = 6371.0088;
