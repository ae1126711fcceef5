import type { LatLon } from '../common/geo';

/*
 * A map drawn by the server as SVG: the tiles of a slippy-map tile server (Web Mercator, 256-pixel tiles) around
 * a point, with numbered markers. It needs no script, so it works under the pages' CSP and without JavaScript;
 * a script map (Leaflet) may enhance it later. SVG coordinates are world pixels at the chosen zoom, so tiles and
 * markers need no offsets: the viewBox picks the window.
 */

export const TILE_SIZE = 256;
export const MAP_WIDTH = 768;
export const MAP_HEIGHT = 512;
const MAX_ZOOM = 18;
/** Web Mercator's latitude limit. */
const MAX_LATITUDE = 85.0511287798;
/** Metres per pixel at zoom 0 on the equator (WGS 84 equatorial circumference / 256). */
const METRES_PER_PIXEL_Z0 = (2 * Math.PI * 6_378_137) / TILE_SIZE;

export interface MapMarker extends LatLon {
  label: string;
}

export interface StaticMap {
  viewBox: string;
  tiles: { href: string; x: number; y: number }[];
  centre: { x: number; y: number; radius: number };
  markers: { x: number; y: number; label: string }[];
}

const metresPerPixel = (lat: number, zoom: number) =>
  (METRES_PER_PIXEL_Z0 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;

/** The largest zoom at which a circle of `radiusMetres` around a point at `lat` fits the map's height. */
export function zoomFor(lat: number, radiusMetres: number): number {
  const zoom = Math.floor(
    Math.log2((METRES_PER_PIXEL_Z0 * Math.cos((lat * Math.PI) / 180) * MAP_HEIGHT) / (2 * radiusMetres)),
  );
  return Math.min(MAX_ZOOM, Math.max(0, zoom));
}

/** A point's position in world pixels at `zoom` (x to the east, y to the south). */
export function worldPixel(point: LatLon, zoom: number): { x: number; y: number } {
  const lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, point.lat));
  const sin = Math.sin((lat * Math.PI) / 180);
  const size = TILE_SIZE * 2 ** zoom;
  return {
    x: ((point.lon + 180) / 360) * size,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
  };
}

/** `template` ({z}, {x}, {y}) for one tile. */
export const tileUrl = (template: string, zoom: number, x: number, y: number): string =>
  template.replace('{z}', String(zoom)).replace('{x}', String(x)).replace('{y}', String(y));

const fixed = (n: number) => Math.round(n * 10) / 10;

/**
 * The map around `centre` showing `radiusMetres`, with `markers`; markers at one spot share a marker whose
 * label lists them all.
 */
export function staticMap(
  tileTemplate: string,
  centre: LatLon,
  radiusMetres: number,
  markers: MapMarker[],
): StaticMap {
  const zoom = zoomFor(centre.lat, radiusMetres);
  const c = worldPixel(centre, zoom);
  const left = c.x - MAP_WIDTH / 2;
  const top = c.y - MAP_HEIGHT / 2;
  const count = 2 ** zoom;
  const tiles: StaticMap['tiles'] = [];
  for (let ty = Math.floor(top / TILE_SIZE); ty <= Math.floor((top + MAP_HEIGHT - 1) / TILE_SIZE); ty++) {
    if (ty < 0 || ty >= count) continue;
    for (let tx = Math.floor(left / TILE_SIZE); tx <= Math.floor((left + MAP_WIDTH - 1) / TILE_SIZE); tx++)
      tiles.push({
        href: tileUrl(tileTemplate, zoom, ((tx % count) + count) % count, ty),
        x: tx * TILE_SIZE,
        y: ty * TILE_SIZE,
      });
  }
  const spots = new Map<string, { x: number; y: number; labels: string[] }>();
  for (const marker of markers) {
    const p = worldPixel(marker, zoom);
    const key = `${fixed(p.x)},${fixed(p.y)}`;
    const spot = spots.get(key) ?? { x: fixed(p.x), y: fixed(p.y), labels: [] };
    spot.labels.push(marker.label);
    spots.set(key, spot);
  }
  return {
    viewBox: [left, top, MAP_WIDTH, MAP_HEIGHT].map(fixed).join(' '),
    tiles,
    centre: { x: fixed(c.x), y: fixed(c.y), radius: fixed(radiusMetres / metresPerPixel(centre.lat, zoom)) },
    markers: [...spots.values()].map(({ x, y, labels }) => ({ x, y, label: labels.join(',') })),
  };
}
