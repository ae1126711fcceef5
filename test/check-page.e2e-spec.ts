import { generateKeyPairSync } from 'node:crypto';
import { CardEntity } from '../src/cards/card.entity';
import { qrTextFor, signCardToken } from '../src/cards/token/card-token';
import { signingKeyFor } from '../src/cards/token/ed25519';
import { ValidationEntity } from '../src/validations/validation.entity';
import { engine } from './support/databases';
import { enrolFamily } from './support/enrolment-factory';
import { startApp, TestApp } from './support/test-app';

describe(`public check page behind the QR code (${engine})`, () => {
  let t: TestApp;
  let caseWorker: string;
  let cards: CardEntity[];
  const qrOf = async (card: CardEntity): Promise<string> =>
    (await t.http.get(`/api/v1/cards/${card.id}`).auth(caseWorker, { type: 'bearer' }).expect(200)).body
      .qrText;
  /** The path a phone opens: the QR text without its scheme and host. */
  const pathOf = (qr: string) => new URL(qr).pathname;

  beforeAll(async () => {
    t = await startApp({ env: { RATE_LIMIT_PUBLIC_CHECK_PER_MINUTE: '12' } });
    caseWorker = (await t.newUser('case_worker')).token;
    const family = await enrolFamily(t, caseWorker, 'Żółć');
    cards = await t.dataSource.getRepository(CardEntity).findBy({ familyId: family.familyId });
  });
  afterAll(() => t.close());

  it('shows a valid card with the holder and valid-until, in Polish by default, and records nothing', async () => {
    const card = cards.find((c) => c.validUntil !== null)!;
    const checks = await t.dataSource.getRepository(ValidationEntity).count();
    const res = await t.http.get(pathOf(await qrOf(card))).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('Karta ważna');
    expect(res.text).toContain(card.holderName.replace(/&/g, '&amp;'));
    const longDate = new Intl.DateTimeFormat('pl', { dateStyle: 'long', timeZone: 'UTC' });
    expect(res.text).toContain(longDate.format(new Date(`${card.validUntil}T00:00:00Z`))); // e.g. 14 stycznia 2040
    expect(res.text).not.toContain(card.number);
    expect(res.text).not.toMatch(/<script/i);
    expect(await t.dataSource.getRepository(ValidationEntity).count()).toBe(checks);
  });

  it('speaks English when the phone asks for it', async () => {
    const res = await t.http
      .get(pathOf(await qrOf(cards[0])))
      .set('Accept-Language', 'en-GB,en;q=0.9')
      .expect(200);
    expect(res.text).toContain('Valid card');
    expect(res.text).toMatch(/<html lang="en">/);
  });

  it('says why a card is not valid, and shows no name for a forged code', async () => {
    const card = cards[1];
    const qr = await qrOf(card);
    await t.http
      .post(`/api/v1/cards/${card.id}/revoke`)
      .auth(caseWorker, { type: 'bearer' })
      .send({ reason: 'fraud' })
      .expect(200);
    const revoked = await t.http.get(pathOf(qr)).expect(200);
    expect(revoked.text).toContain('Karta nieważna');
    expect(revoked.text).toContain('Karta została unieważniona.');
    const forged = qrTextFor(
      'http://localhost:3000',
      signCardToken(
        {
          programme: 'KDR',
          cardNumber: card.number,
          name: 'Oszust Podrobiony',
          role: 'parent',
          notBefore: 0,
          expires: null,
        },
        signingKeyFor(generateKeyPairSync('ed25519').privateKey),
      ),
    );
    const page = await t.http.get(pathOf(forged)).expect(200);
    expect(page.text).toContain('Kod nie pochodzi z karty programu.');
    expect(page.text).not.toContain('Oszust');
    expect(page.text).not.toContain(card.holderName);
    const garbage = await t.http.get('/C/NOT-A-TOKEN').expect(200);
    expect(garbage.text).toContain('Nie udało się odczytać kodu.');
  });

  it('is rate-limited per address (429 problem+json)', async () => {
    const path = pathOf(await qrOf(cards[0]));
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await t.http.get(path)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(12);
  });
});
