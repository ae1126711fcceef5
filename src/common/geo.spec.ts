import fc from 'fast-check';
import { EARTH_RADIUS_METRES, boundingBox, distanceMetres, isValidCoordinate, type LatLon } from './geo';

const WARSAW = { lat: 52.2297, lon: 21.0122 };
const KRAKOW = { lat: 50.0647, lon: 19.945 };
const LUBLIN = { lat: 51.2465, lon: 22.5684 };
const DEGREE = (EARTH_RADIUS_METRES * Math.PI) / 180; // 111,195.08 m: one degree of a great circle

describe('distanceMetres', () => {
  it.each([
    ['Warsaw - Kraków', WARSAW, KRAKOW, 251_977, 1],
    ['Lublin - Warsaw', LUBLIN, WARSAW, 153_078, 1],
    ['the same point', WARSAW, WARSAW, 0, 1e-9],
    ['one degree along a meridian', { lat: 10, lon: 5 }, { lat: 11, lon: 5 }, DEGREE, 1e-6],
    ['one degree along the equator', { lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 }, DEGREE, 1e-6],
    ['equator to pole', { lat: 0, lon: 0 }, { lat: 90, lon: 123 }, 90 * DEGREE, 1e-6],
    // Haversine is ill-conditioned near antipodes (asin close to 1); a decimetre there is irrelevant here.
    ['antipodes', { lat: 40, lon: -3 }, { lat: -40, lon: 177 }, 180 * DEGREE, 0.5],
    ['1 m apart', { lat: 0, lon: 0 }, { lat: 1 / DEGREE, lon: 0 }, 1, 1e-9],
  ])('%s', (_name, a, b, expected, tolerance) => {
    expect(Math.abs(distanceMetres(a, b) - expected)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(distanceMetres(b, a) - expected)).toBeLessThanOrEqual(tolerance);
  });
});

describe('isValidCoordinate', () => {
  it.each([
    [WARSAW, true],
    [{ lat: 90, lon: 180 }, true],
    [{ lat: -90, lon: -180 }, true],
    [{ lat: 90.0001, lon: 0 }, false],
    [{ lat: 0, lon: -180.0001 }, false],
    [{ lat: NaN, lon: 0 }, false],
    [{ lat: 0, lon: Infinity }, false],
    [{ lat: '52', lon: 21 }, false],
    [{ lat: 52 }, false],
    [null, false],
    [[52, 21], false],
  ])('%p -> %p', (value, expected) => {
    expect(isValidCoordinate(value)).toBe(expected);
  });
});

describe('boundingBox', () => {
  it('spans the radius in latitude and more degrees of longitude at higher latitudes', () => {
    const box = boundingBox(WARSAW, DEGREE);
    expect(box.maxLat - WARSAW.lat).toBeCloseTo(1, 6);
    expect(WARSAW.lat - box.minLat).toBeCloseTo(1, 6);
    expect(box.maxLon - WARSAW.lon).toBeGreaterThan(1 / Math.cos((WARSAW.lat * Math.PI) / 180));
    const equator = boundingBox({ lat: 0, lon: 0 }, DEGREE);
    expect(equator.maxLon).toBeCloseTo(1, 6);
  });

  it.each([
    ['reaching the North Pole', { lat: 89.5, lon: 10 }, 100_000, { maxLat: 90, minLon: -180, maxLon: 180 }],
    ['reaching the South Pole', { lat: -89.9, lon: 10 }, 20_000, { minLat: -90, minLon: -180, maxLon: 180 }],
    ['at the pole itself', { lat: 90, lon: 0 }, 0, { maxLat: 90, minLon: -180, maxLon: 180 }],
    ['clamped at the antimeridian', { lat: 0, lon: 179.9 }, 50_000, { maxLon: 180 }],
    [
      'larger than the Earth',
      { lat: 0, lon: 0 },
      3e7,
      { minLat: -90, maxLat: 90, minLon: -180, maxLon: 180 },
    ],
  ])('%s', (_name, centre, radius, expected) => {
    expect(boundingBox(centre, radius)).toMatchObject(expected);
  });

  it.each([
    [{ lat: 91, lon: 0 }, 10],
    [WARSAW, -1],
    [WARSAW, NaN],
    [WARSAW, Infinity],
  ])('refuses centre %p with radius %p', (centre, radius) => {
    expect(() => boundingBox(centre, radius)).toThrow(RangeError);
  });

  it('contains every point within the radius (away from the antimeridian)', () => {
    // Weighted towards the cases that break naive boxes: high latitudes and points on the circle itself.
    const point = fc.record({ lat: fc.oneof(uniform(-90, 90), uniform(60, 89.9)), lon: uniform(-170, 170) });
    const offset = fc.record({
      bearing: uniform(0, 2 * Math.PI),
      fraction: fc.oneof(fc.constant(1), uniform(0, 1)),
    });
    fc.assert(
      fc.property(
        point,
        fc.integer({ min: 0, max: 500_000 }),
        offset,
        (centre, radius, { bearing, fraction }) => {
          const target = destination(centre, bearing, radius * fraction);
          fc.pre(Math.abs(target.lon) <= 180 && distanceMetres(centre, target) <= radius);
          const box = boundingBox(centre, radius);
          expect(target.lat).toBeGreaterThanOrEqual(box.minLat);
          expect(target.lat).toBeLessThanOrEqual(box.maxLat);
          expect(target.lon).toBeGreaterThanOrEqual(box.minLon);
          expect(target.lon).toBeLessThanOrEqual(box.maxLon);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

/** Evenly spread values (fc.double crowds its values near zero, where float representations are dense). */
function uniform(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 1_000_000 }).map((n) => min + ((max - min) * n) / 1_000_000);
}

/** The point `metres` away on an initial bearing (spherical direct problem), for generating nearby points. */
function destination({ lat, lon }: LatLon, bearing: number, metres: number): LatLon {
  const [phi, lambda, delta] = [(lat * Math.PI) / 180, (lon * Math.PI) / 180, metres / EARTH_RADIUS_METRES];
  const phi2 = Math.asin(
    Math.sin(phi) * Math.cos(delta) + Math.cos(phi) * Math.sin(delta) * Math.cos(bearing),
  );
  const lambda2 =
    lambda +
    Math.atan2(
      Math.sin(bearing) * Math.sin(delta) * Math.cos(phi),
      Math.cos(delta) - Math.sin(phi) * Math.sin(phi2),
    );
  return { lat: (phi2 * 180) / Math.PI, lon: (lambda2 * 180) / Math.PI };
}
