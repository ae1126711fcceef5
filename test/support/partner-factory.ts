import { randomInt } from 'node:crypto';
import { randomToken } from '../../src/common/crypto';
import type { TestApp } from './test-app';

/** A random valid Polish NIP: nine digits and the check digit (weights 6 5 7 2 3 4 5 6 7, mod 11, never 10). */
export function validNip(): string {
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (;;) {
    const digits = Array.from({ length: 9 }, (_, i) => (i === 0 ? randomInt(1, 10) : randomInt(0, 10)));
    const check = digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

export interface RegisteredPartner {
  partnerId: string;
  owner: { email: string; password: string; token: string };
  body: Record<string, unknown>;
}

/** The body of a partner's self-registration; `overrides` replace fields. */
export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = randomToken(6).toLowerCase();
  return {
    name: `Kino Zamek ${tag}`,
    taxNumber: validNip(),
    category: 'culture',
    description: { pl: 'Kino studyjne w centrum miasta', en: 'An art-house cinema in the town centre' },
    website: 'https://kino.example',
    contactName: 'Ewa Nowak',
    contactEmail: `kontakt-${tag}@kino.example`,
    contactPhone: '+48 81 532 00 00',
    agreementVersion: '1.0',
    acceptAgreement: true,
    owner: {
      email: `owner-${tag}@kino.example`,
      displayName: 'Ewa Nowak',
      password: `long enough ${tag} password`,
    },
    ...overrides,
  };
}

/** Registers a partner through the public API and signs its owner in. */
export async function registerPartner(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<RegisteredPartner> {
  const body = registration(overrides);
  const res = await t.http.post('/api/v1/partners/register').send(body);
  if (res.status !== 201) throw new Error(`register partner: ${res.status} ${JSON.stringify(res.body)}`);
  const owner = body.owner as { email: string; password: string };
  return {
    partnerId: res.body.partner.id,
    owner: { ...owner, token: await t.login(owner.email, owner.password) },
    body,
  };
}

/** A partner registered and approved by `managerToken` (a partner_manager or admin). */
export async function approvedPartner(
  t: TestApp,
  managerToken: string,
  overrides: Record<string, unknown> = {},
): Promise<RegisteredPartner> {
  const partner = await registerPartner(t, overrides);
  const res = await t.http
    .post(`/api/v1/partners/${partner.partnerId}/approve`)
    .auth(managerToken, { type: 'bearer' })
    .send({});
  if (res.status !== 200) throw new Error(`approve partner: ${res.status} ${JSON.stringify(res.body)}`);
  return partner;
}

/** A place in Lublin unless `overrides` say otherwise. */
export function placeOutlet(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'place',
    name: 'Kino Zamek – Stare Miasto',
    street: 'ul. Grodzka 1',
    postalCode: '20-112',
    city: 'Lublin',
    latitude: 51.2502,
    longitude: 22.5722,
    openingHours: { mon: [['10:00', '22:00']], sat: [['12:00', '23:00']] },
    ...overrides,
  };
}

export async function addOutlet(
  t: TestApp,
  token: string,
  partnerId: string,
  body: Record<string, unknown> = placeOutlet(),
): Promise<string> {
  const res = await t.http
    .post(`/api/v1/partners/${partnerId}/outlets`)
    .auth(token, { type: 'bearer' })
    .send(body);
  if (res.status !== 201) throw new Error(`add outlet: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** An offer body: 10% off for everyone, permanent, at `outletIds`; `overrides` replace fields. */
export function offerBody(
  outletIds: string[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    texts: { pl: { title: 'Zniżka 10% na bilety' }, en: { title: '10% off tickets' } },
    benefit: { type: 'percent', percent: 10 },
    schedule: { kind: 'permanent' },
    outletIds,
    ...overrides,
  };
}

/** An offer created by the partner's owner and approved (published) by `managerToken`; returns its id. */
export async function publishedOffer(
  t: TestApp,
  partner: RegisteredPartner,
  managerToken: string,
  body: Record<string, unknown>,
): Promise<string> {
  const url = `/api/v1/partners/${partner.partnerId}/offers`;
  const created = await t.http.post(url).auth(partner.owner.token, { type: 'bearer' }).send(body);
  if (created.status !== 201)
    throw new Error(`create offer: ${created.status} ${JSON.stringify(created.body)}`);
  const approved = await t.http
    .post(`${url}/${created.body.id}/approve`)
    .auth(managerToken, { type: 'bearer' })
    .send({});
  if (approved.status !== 200)
    throw new Error(`approve offer: ${approved.status} ${JSON.stringify(approved.body)}`);
  return created.body.id as string;
}
