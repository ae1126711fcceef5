import type { LatLon } from '../common/geo';

/** Offers per page of the catalogue page. */
export const PAGE_SIZE = 20;
/** The catalogue API reads at most 10,000 offers deep. */
export const MAX_PAGE = 10_000 / PAGE_SIZE;
/** The distances the form offers, in kilometres; the default is the API's default radius. */
export const RADII_KM = ['1', '2', '5', '10', '25', '50', '100'] as const;
export const DEFAULT_RADIUS_KM = '10';
/** A point in links is kept to 3 decimals (about 100 m): enough for distances, and no more of where someone is. */
const POINT_DECIMALS = 3;

/** The catalogue page's query as the form sends it (the shape is checked by CatalogueFormQueryDto). */
export interface CatalogueFormQuery {
  q?: string;
  category?: string;
  availability?: 'active' | 'upcoming';
  online?: 'true';
  lat?: string;
  lon?: string;
  radius?: (typeof RADII_KM)[number];
  page?: number;
}

/** What the form shows again: the values as given. */
export interface CatalogueForm {
  q: string;
  category: string;
  availability: 'active' | 'upcoming';
  online: boolean;
  lat: string;
  lon: string;
  radius: string;
  page: number;
}

/** A field the person typed or picked that the page reports an error at, and the message key of the error. */
export type CatalogueFormErrors = Partial<
  Record<'category' | 'lat' | 'lon', 'category' | 'latitude' | 'longitude' | 'point'>
>;

/** A search the catalogue can run: the form read, with the point parsed and rounded. */
export interface CatalogueSearch {
  q: string;
  category: string;
  availability: 'active' | 'upcoming';
  online: boolean;
  near: LatLon | null;
  radiusKm: number;
  page: number;
}

/** A coordinate as people type it: a decimal point or a decimal comma, within ±`limit` degrees. */
function coordinate(text: string, limit: number): number | null {
  if (!/^-?\d{1,3}([.,]\d{1,12})?$/.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Math.abs(value) <= limit ? value : null;
}

const round = (value: number) => Number(value.toFixed(POINT_DECIMALS));

/** Reads the form against the programme's category slugs; a search only when nothing is wrong. */
export function readCatalogueForm(
  query: CatalogueFormQuery,
  categories: string[],
): { form: CatalogueForm; errors: CatalogueFormErrors; search: CatalogueSearch | null } {
  const form: CatalogueForm = {
    q: query.q?.trim() ?? '',
    category: query.category ?? '',
    availability: query.availability ?? 'active',
    online: query.online === 'true',
    lat: query.lat?.trim() ?? '',
    lon: query.lon?.trim() ?? '',
    radius: query.radius ?? DEFAULT_RADIUS_KM,
    page: query.page ?? 1,
  };
  const errors: CatalogueFormErrors = {};
  if (form.category && !categories.includes(form.category)) errors.category = 'category';
  const lat = form.lat ? coordinate(form.lat, 90) : null;
  const lon = form.lon ? coordinate(form.lon, 180) : null;
  if (form.lat && lat === null) errors.lat = 'latitude';
  if (form.lon && lon === null) errors.lon = 'longitude';
  if (form.lat && !form.lon) errors.lon = 'point';
  if (form.lon && !form.lat) errors.lat = 'point';
  if (Object.keys(errors).length > 0) return { form, errors, search: null };
  const near = lat !== null && lon !== null ? { lat: round(lat), lon: round(lon) } : null;
  return { form, errors, search: { ...form, near, radiusKm: Number(form.radius) } };
}

/** The query of a link to `page` of the same search (defaults left out, so links stay short). */
export function searchParams(search: CatalogueSearch, page: number): Record<string, string> {
  const params: Record<string, string> = {};
  if (search.q) params.q = search.q;
  if (search.category) params.category = search.category;
  if (search.availability !== 'active') params.availability = search.availability;
  if (search.online) params.online = 'true';
  if (search.near) {
    params.lat = String(search.near.lat);
    params.lon = String(search.near.lon);
    params.radius = String(search.radiusKm);
  }
  if (page > 1) params.page = String(page);
  return params;
}

/** Pages of `total` results: how many, and the previous and next page numbers where there are such pages. */
export function pagesOf(
  total: number,
  page: number,
  size = PAGE_SIZE,
): { pages: number; previous: number | null; next: number | null } {
  const pages = Math.min(Math.max(1, Math.ceil(total / size)), MAX_PAGE);
  return {
    pages,
    previous: page > 1 ? Math.min(page - 1, pages) : null,
    next: page < pages ? page + 1 : null,
  };
}
