import { CatalogueFormQuery, MAX_PAGE, pagesOf, readCatalogueForm, searchParams } from './catalogue-form';

const CATEGORIES = ['culture', 'sport-recreation'];
const read = (query: CatalogueFormQuery) => readCatalogueForm(query, CATEGORIES);

describe('readCatalogueForm', () => {
  it('reads an empty form as a search for everything available now', () => {
    expect(read({})).toEqual({
      form: {
        q: '',
        category: '',
        availability: 'active',
        online: false,
        lat: '',
        lon: '',
        radius: '10',
        page: 1,
      },
      errors: {},
      search: {
        q: '',
        category: '',
        availability: 'active',
        online: false,
        lat: '',
        lon: '',
        radius: '10',
        page: 1,
        near: null,
        radiusKm: 10,
      },
    });
  });

  it.each<[CatalogueFormQuery, object]>([
    [{ q: '  kino  ' }, { q: 'kino' }],
    [{ category: 'culture' }, { category: 'culture' }],
    [
      { availability: 'upcoming', online: 'true', page: 3 },
      { availability: 'upcoming', online: true, page: 3 },
    ],
    [{ lat: '51.2502', lon: '22.5722' }, { near: { lat: 51.25, lon: 22.572 } }],
    [
      { lat: '51,2506', lon: '22,5725', radius: '5' },
      { near: { lat: 51.251, lon: 22.573 }, radiusKm: 5 },
    ],
    [{ lat: '-33.8688', lon: '151.2093' }, { near: { lat: -33.869, lon: 151.209 } }],
    [{ lat: '90', lon: '-180' }, { near: { lat: 90, lon: -180 } }],
    [{ lat: ' 0 ', lon: '0' }, { near: { lat: 0, lon: 0 } }],
    [{ radius: '50' }, { near: null, radiusKm: 50 }],
  ])('searches %j as %j', (query, expected) => {
    const { errors, search } = read(query);
    expect(errors).toEqual({});
    expect(search).toMatchObject(expected);
  });

  it.each<[CatalogueFormQuery, object]>([
    [{ category: 'cinema' }, { category: 'category' }],
    [{ lat: 'abc', lon: '22' }, { lat: 'latitude' }],
    [{ lat: '90.0001', lon: '22' }, { lat: 'latitude' }],
    [{ lat: '51', lon: '180.5' }, { lon: 'longitude' }],
    [{ lat: '51.2.3', lon: '22' }, { lat: 'latitude' }],
    [{ lat: '1e2', lon: '22' }, { lat: 'latitude' }],
    [{ lat: '0x10', lon: '22' }, { lat: 'latitude' }],
    [{ lat: '51,2,3', lon: '22' }, { lat: 'latitude' }],
    [{ lat: '51' }, { lon: 'point' }],
    [{ lon: '22' }, { lat: 'point' }],
    [{ lat: 'x' }, { lat: 'latitude', lon: 'point' }],
    [
      { category: 'x', lat: '51', lon: 'y' },
      { category: 'category', lon: 'longitude' },
    ],
  ])('reports %j at its fields: %j, and runs no search', (query, errors) => {
    const result = read(query);
    expect(result.errors).toEqual(errors);
    expect(result.search).toBeNull();
    // The form keeps what was typed, to be corrected.
    if (query.lat) expect(result.form.lat).toBe(query.lat.trim());
  });
});

describe('searchParams', () => {
  const search = read({ q: 'kino', lat: '51.250234', lon: '22.572199', radius: '5', online: 'true' }).search!;
  it.each([
    [1, { q: 'kino', online: 'true', lat: '51.25', lon: '22.572', radius: '5' }],
    [2, { q: 'kino', online: 'true', lat: '51.25', lon: '22.572', radius: '5', page: '2' }],
  ])('links page %d with the search, point rounded, defaults left out', (page, expected) => {
    expect(searchParams(search, page)).toEqual(expected);
  });

  it('leaves out everything of an empty search', () => {
    expect(searchParams(read({ radius: '25' }).search!, 1)).toEqual({});
    expect(searchParams(read({ availability: 'upcoming', category: 'culture' }).search!, 1)).toEqual({
      category: 'culture',
      availability: 'upcoming',
    });
  });
});

describe('pagesOf', () => {
  it.each([
    [0, 1, { pages: 1, previous: null, next: null }],
    [20, 1, { pages: 1, previous: null, next: null }],
    [21, 1, { pages: 2, previous: null, next: 2 }],
    [21, 2, { pages: 2, previous: 1, next: null }],
    [95, 3, { pages: 5, previous: 2, next: 4 }],
    // Past the end (an old link): back to the last page.
    [30, 7, { pages: 2, previous: 2, next: null }],
    // The catalogue reads at most 10,000 offers deep.
    [50_000, MAX_PAGE, { pages: MAX_PAGE, previous: MAX_PAGE - 1, next: null }],
  ])('%d results, page %d: %j', (total, page, expected) => {
    expect(pagesOf(total, page)).toEqual(expected);
  });
});
