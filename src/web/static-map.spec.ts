import { MAP_HEIGHT, MAP_WIDTH, staticMap, tileUrl, TILE_SIZE, worldPixel, zoomFor } from './static-map';

const TEMPLATE = 'https://tiles.example.org/{z}/{x}/{y}.png';
const CASTLE = { lat: 51.2502, lon: 22.5722 };

describe('worldPixel (Web Mercator)', () => {
  it.each([
    [{ lat: 0, lon: 0 }, 0, { x: 128, y: 128 }],
    [{ lat: 0, lon: -180 }, 1, { x: 0, y: 256 }],
    [{ lat: 85.0511287798, lon: 180 }, 2, { x: 1024, y: 0 }],
    [{ lat: -89, lon: 0 }, 0, { x: 128, y: 256 }], // clamped to Mercator's limit
  ])('%j at zoom %d is %j', (point, zoom, expected) => {
    const p = worldPixel(point, zoom);
    expect(p.x).toBeCloseTo(expected.x, 6);
    expect(p.y).toBeCloseTo(expected.y, 6);
  });

  // The slippy-map tile formulas of the OpenStreetMap wiki (tan + sec form): a second way to the same tiles.
  const lon2tile = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const lat2tile = (lat: number, z: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
  };
  it.each([
    [CASTLE, 15],
    [{ lat: 52.2297, lon: 21.0122 }, 12],
    [{ lat: -33.8688, lon: 151.2093 }, 17],
    [{ lat: 64.1466, lon: -21.9426 }, 9],
  ])('puts %j in the tile the OpenStreetMap formulas give at zoom %d', (point, zoom) => {
    const p = worldPixel(point, zoom);
    expect([Math.floor(p.x / TILE_SIZE), Math.floor(p.y / TILE_SIZE)]).toEqual([
      lon2tile(point.lon, zoom),
      lat2tile(point.lat, zoom),
    ]);
  });
});

describe('zoomFor', () => {
  it.each([
    [51.25, 1_000, 14],
    [51.25, 5_000, 12],
    [51.25, 10_000, 11],
    [51.25, 100_000, 7],
    [0, 10_000, 11],
    [51.25, 1, 18], // never closer than tile servers draw
    [51.25, 20_000_000, 0],
  ])('at latitude %d a radius of %d m fits zoom %d', (lat, radius, zoom) => {
    expect(zoomFor(lat, radius)).toBe(zoom);
  });
});

describe('tileUrl', () => {
  it.each([
    [TEMPLATE, 'https://tiles.example.org/12/2304/1358.png'],
    ['https://t.example/{z}/{y}/{x}?k=1', 'https://t.example/12/1358/2304?k=1'],
  ])('%s', (template, expected) => {
    expect(tileUrl(template, 12, 2304, 1358)).toBe(expected);
  });
});

describe('staticMap', () => {
  const map = staticMap(TEMPLATE, CASTLE, 5_000, [
    { lat: 51.27, lon: 22.55, label: '2' },
    { ...CASTLE, label: '1' },
    { ...CASTLE, label: '3' },
  ]);
  const [left, top, width, height] = map.viewBox.split(' ').map(Number);

  it('centres a window of the map size on the point', () => {
    expect([width, height]).toEqual([MAP_WIDTH, MAP_HEIGHT]);
    expect(map.centre.x).toBeCloseTo(left + width / 2, 0);
    expect(map.centre.y).toBeCloseTo(top + height / 2, 0);
  });

  it('covers the window with whole tiles of that zoom, each once', () => {
    const covered = (x: number, y: number) =>
      map.tiles.some((t) => t.x <= x && x < t.x + TILE_SIZE && t.y <= y && y < t.y + TILE_SIZE);
    for (const [x, y] of [
      [left, top],
      [left + width - 1, top],
      [left, top + height - 1],
      [left + width - 1, top + height - 1],
    ])
      expect(covered(x, y)).toBe(true);
    expect(new Set(map.tiles.map((t) => t.href)).size).toBe(map.tiles.length);
    expect(map.tiles.length).toBeLessThanOrEqual(12); // 4 × 3 at most for 768 × 512
    for (const t of map.tiles) expect(t.href).toMatch(/^https:\/\/tiles\.example\.org\/12\/\d+\/\d+\.png$/);
  });

  it('shows the radius as a circle that fits the height, and joins markers at one spot', () => {
    expect(map.centre.radius).toBeGreaterThan(MAP_HEIGHT / 4);
    expect(map.centre.radius).toBeLessThanOrEqual(MAP_HEIGHT / 2);
    expect(map.markers.map((m) => m.label)).toEqual(['2', '1,3']);
    const castle = map.markers[1];
    expect([castle.x, castle.y]).toEqual([map.centre.x, map.centre.y]);
    const czechow = map.markers[0];
    expect(czechow.x).toBeLessThan(castle.x); // west
    expect(czechow.y).toBeLessThan(castle.y); // north
  });

  it('wraps tile columns across the antimeridian and leaves out rows beyond the poles', () => {
    const edge = staticMap(TEMPLATE, { lat: 84, lon: 179.99 }, 200_000, []);
    const columns = edge.tiles.map((t) => Number(t.href.split('/')[4]));
    const zoom = Number(edge.tiles[0].href.split('/')[3]);
    for (const x of columns) expect(x).toBeLessThan(2 ** zoom);
    expect(columns).toContain(0);
    for (const t of edge.tiles) expect(t.y).toBeGreaterThanOrEqual(0);
  });
});
