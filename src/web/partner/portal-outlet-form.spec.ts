import { outletBody, outletFormErrors, placeOutletProblems } from './portal-outlet-form';

const place = {
  kind: 'place',
  name: 'Kino',
  street: 'ul. Grodzka 1',
  postalCode: '20-112',
  city: 'Lublin',
  latitude: '51,2502',
  longitude: '22.5722',
};

describe('the outlet form', () => {
  it.each([
    ['09:00-17:00', [['09:00', '17:00']]],
    [
      '9.00 – 13.00, 14:00-18:00',
      [
        ['09:00', '13:00'],
        ['14:00', '18:00'],
      ],
    ],
    ['', undefined],
  ])('reads Monday’s hours %j', (text, hours) => {
    const { body, errors } = outletBody({ ...place, 'hours-mon': text }, 'place');
    expect(errors).toEqual({});
    expect((body.openingHours as Record<string, unknown> | null)?.mon).toEqual(hours);
  });

  it('names a day whose hours it cannot read, and coordinates that are no numbers', () => {
    const { errors } = outletFormErrors({ ...place, latitude: 'north', 'hours-fri': 'all day' }, 'place');
    expect(errors).toEqual({ latitude: 'latitude', 'hours-fri': 'hours' });
  });

  it('sends an online shop only its address and code', () => {
    const { body, errors } = outletFormErrors(
      { ...place, url: 'https://sklep.example', discountCode: '' },
      'online',
    );
    expect(errors).toEqual({});
    expect(body).toEqual({ kind: 'online', name: 'Kino', url: 'https://sklep.example', discountCode: null });
  });

  it('puts the service’s opening-hours problem at the day it names, and a taken name at the name', () => {
    expect(
      placeOutletProblems([{ field: 'openingHours', message: 'openingHours.sat: 10:00 is not after 12:00' }]),
    ).toEqual({ 'hours-sat': 'hours' });
    expect(placeOutletProblems([{ field: 'ref', message: 'ref is already used' }], 409)).toEqual({
      name: 'nameTaken',
    });
  });
});
