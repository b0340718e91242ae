import { EARTH_RADIUS_KM } from "../spatial/earthRadius.js";

/** Mean Earth radius in km (IUGG), used for all distances of the supply module (defined in `spatial/earthRadius`). */
export { EARTH_RADIUS_KM };

/**
 * Great-circle distance in km between two WGS84 positions by the haversine formula on a sphere of radius
 * {@link EARTH_RADIUS_KM}:
 *
 *   d = 2R · asin( √( sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2) ) )
 *
 * Source: R. W. Sinnott (1984), "Virtues of the Haversine", Sky and Telescope 68(2), 159. On a city scale the
 * sphere differs from the WGS84 ellipsoid by at most ~0.5 %, far below the precision of a catchment radius.
 *
 * @example
 * haversineKm(7, 51, 7, 52); // 111.19508023… (one degree of latitude: R · π / 180)
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
