/*
 * Distances for "near me" searches over partner outlets. A sphere is accurate to about 0.5 % on Earth, far
 * finer than a "within 5 km" search needs; the bounding box lets the database narrow candidates with plain
 * indexed range conditions before the exact distance is computed.
 */

export interface LatLon {
  lat: number;
  lon: number;
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/** Mean Earth radius (IUGG), in metres. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const MARGIN_DEGREES = 1e-9;

const rad = (degrees: number) => (degrees * Math.PI) / 180;
const deg = (radians: number) => (radians * 180) / Math.PI;

/** Finite latitude in [-90, 90] and longitude in [-180, 180], in degrees. */
export function isValidCoordinate(value: unknown): value is LatLon {
  if (typeof value !== 'object' || value === null) return false;
  const { lat, lon } = value as Record<string, unknown>;
  return (
    typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 // false for NaN as well
  );
}

/** Great-circle distance by the haversine formula, which stays exact for short distances. */
export function distanceMetres(a: LatLon, b: LatLon): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  // min(1, …): rounding can push h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(Math.min(1, h)));
}

/**
 * A box holding every point within `radiusMetres` of `centre` (J. P. Matuschek, "Finding Points Within a
 * Distance of a Latitude/Longitude Using Bounding Coordinates"). The longitude span is taken at the circle's
 * tangent points, so it widens towards the poles; a circle reaching a pole spans all longitudes.
 *
 * Near the antimeridian the longitudes are only clamped to ±180: points across it (e.g. Fiji's 179.9 and
 * -179.9) fall outside the box. No programme runs there; a caller that needs it must query two boxes.
 */
export function boundingBox(centre: LatLon, radiusMetres: number): BoundingBox {
  if (!isValidCoordinate(centre)) throw new RangeError(`Not a coordinate: ${JSON.stringify(centre)}`);
  if (!(radiusMetres >= 0) || !Number.isFinite(radiusMetres)) {
    throw new RangeError(`radiusMetres must be a finite number >= 0: ${radiusMetres}`);
  }
  const angular = radiusMetres / EARTH_RADIUS_METRES;
  // The margin (about 0.1 mm) absorbs floating-point rounding for points exactly on the circle.
  const deltaLat = deg(angular) + MARGIN_DEGREES;
  const lat = { minLat: Math.max(centre.lat - deltaLat, -90), maxLat: Math.min(centre.lat + deltaLat, 90) };
  if (lat.minLat === -90 || lat.maxLat === 90) return { ...lat, minLon: -180, maxLon: 180 };
  // Short of a pole sin(angular) < cos(lat), so asin is defined.
  const deltaLon = deg(Math.asin(Math.sin(angular) / Math.cos(rad(centre.lat)))) + MARGIN_DEGREES;
  return {
    ...lat,
    minLon: Math.max(centre.lon - deltaLon, -180),
    maxLon: Math.min(centre.lon + deltaLon, 180),
  };
}
