import { outletColumns, refFrom } from './outlet-columns';

describe('outletColumns', () => {
  const place = {
    kind: 'place' as const,
    name: ' Kino Łódź ',
    street: 'ul. Piotrkowska 1',
    postalCode: '90-001',
    city: 'Łódź',
    latitude: 51.77,
    longitude: 19.46,
    url: 'https://ignored.example',
  };

  it('keeps an address, coordinates and a folded search text for a place, and no URL', () => {
    expect(outletColumns(place)).toMatchObject({
      ref: 'kino-lodz',
      name: 'Kino Łódź',
      url: null,
      discountCode: null,
      latitude: 51.77,
      searchText: 'kino lodz ul. piotrkowska 1 lodz',
    });
  });

  it('keeps a URL and code for an online shop, and no address', () => {
    expect(
      outletColumns({
        kind: 'online',
        name: 'Sklep',
        url: 'https://sklep.example',
        discountCode: 'KDR',
        city: 'X',
      }),
    ).toMatchObject({ url: 'https://sklep.example', discountCode: 'KDR', city: null, latitude: null });
  });

  it.each([
    [{ ...place, latitude: null }, ['latitude']],
    [{ ...place, street: undefined, city: null }, ['street', 'city']],
    [{ kind: 'online' as const, name: 'Sklep' }, ['url']],
    [{ ...place, openingHours: { mon: [['10:00', '09:00']] as [string, string][] } }, ['openingHours']],
  ])('names what is missing or wrong: %#', (input, fields) => {
    const result = outletColumns(input);
    expect(Array.isArray(result) ? result.map((e) => e.field) : result).toEqual(fields);
  });

  it.each([
    ['Kino Łódź – Piotrkowska', 'kino-lodz-piotrkowska'],
    ['!!!', 'outlet'],
    ['A'.repeat(80), 'a'.repeat(48)],
  ])('refFrom(%s) = %s', (name, ref) => {
    expect(refFrom(name)).toBe(ref);
  });
});
