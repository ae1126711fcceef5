import { In } from 'typeorm';
import { createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { CardEntity } from '../src/cards/card.entity';
import { generateCardNumber } from '../src/cards/card-number';
import { SigningKeysService } from '../src/cards/keys/signing-keys.service';
import { qrTextFor, signCardToken, verifyQrText } from '../src/cards/token/card-token';
import { signingKeyFor } from '../src/cards/token/ed25519';
import { addDays, todayIn } from '../src/programmes/eligibility/civil-date';
import { ProgrammeEntity } from '../src/programmes/programme.entity';
import { RedemptionEntity } from '../src/validations/redemption.entity';
import { SignedRevocationList, verifyRevocationList } from '../src/validations/revocation-list';
import { VALIDATION_RESULTS } from '../src/validations/validation-result';
import { ValidationEntity } from '../src/validations/validation.entity';
import { maskCardNumber } from '../src/validations/check-list';
import { engine } from './support/databases';
import { enrolFamily, Enrolled } from './support/enrolment-factory';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  placeOutlet,
  publishedOffer,
  RegisteredPartner,
} from './support/partner-factory';
import { startApp, TestApp } from './support/test-app';

describe(`validations and redemptions (${engine})`, () => {
  let t: TestApp;
  let manager: string;
  let caseWorker: string;
  let family: Enrolled;
  let cards: CardEntity[];
  let partner: RegisteredPartner;
  let outlet: string;
  let otherOutlet: string;
  const offers: Record<string, string> = {};
  const produced = new Set<string>();

  const post = (url: string, token: string, body: object) =>
    t.http.post(url).auth(token, { type: 'bearer' }).send(body);
  /** A check; every result it answers is noted, so the suite can show it produced each one. */
  const check = (body: object, token = partner.owner.token) =>
    post('/api/v1/validations', token, body).expect((res) => {
      if (res.status === 200) produced.add(res.body.result);
    });
  const qrOf = async (card: CardEntity): Promise<string> =>
    (await t.http.get(`/api/v1/cards/${card.id}`).auth(caseWorker, { type: 'bearer' }).expect(200)).body
      .qrText;
  const parent = () => cards.find((c) => c.role === 'parent')!;
  const child = () => cards.find((c) => c.role === 'child')!;
  const lastName = (card: CardEntity) => card.holderName.split(' ').pop()!;
  const programme = () => t.dataSource.getRepository(ProgrammeEntity).findOneByOrFail({});
  const signed = async (claims: Partial<Parameters<typeof signCardToken>[0]>) => {
    const keys = t.app.get(SigningKeysService);
    const key = await keys.active();
    const base = {
      programme: (await programme()).code,
      cardNumber: parent().number,
      name: parent().holderName,
      role: 'parent' as const,
      notBefore: Math.floor(Date.now() / 1000) - 60,
      expires: null,
    };
    return qrTextFor(
      'http://localhost:3000',
      signCardToken({ ...base, ...claims }, await keys.signer(key.id)),
    );
  };

  beforeAll(async () => {
    t = await startApp();
    manager = (await t.newUser('partner_manager')).token;
    caseWorker = (await t.newUser('case_worker')).token;
    family = await enrolFamily(t, caseWorker, 'Żółkiewski');
    cards = await t.dataSource
      .getRepository(CardEntity)
      .find({ where: { familyId: family.familyId }, order: { createdAt: 'ASC' } });
    partner = await approvedPartner(t, manager, { name: 'Kino Zamek', category: 'culture' });
    outlet = await addOutlet(t, partner.owner.token, partner.partnerId);
    otherOutlet = await addOutlet(
      t,
      partner.owner.token,
      partner.partnerId,
      placeOutlet({ name: 'Kino Czechów', ref: 'czechow' }),
    );
    offers.everyone = await publishedOffer(
      t,
      partner,
      manager,
      offerBody([outlet], {
        texts: { pl: { title: 'Bilet −10%' } },
        limits: { perCardPerDay: 1 },
      }),
    );
    offers.children = await publishedOffer(
      t,
      partner,
      manager,
      offerBody([outlet, otherOutlet], {
        texts: { pl: { title: 'Dzieci za darmo' } },
        benefit: { type: 'free_entry' },
        audience: { kind: 'children' },
      }),
    );
    offers.bigFamilies = await publishedOffer(
      t,
      partner,
      manager,
      offerBody([outlet], {
        texts: { pl: { title: 'Dla rodzin 6+' } },
        minFamilySize: 6,
      }),
    );
    offers.elsewhere = await publishedOffer(
      t,
      partner,
      manager,
      offerBody([otherOutlet], {
        texts: { pl: { title: 'Tylko Czechów' } },
        limits: { perCardTotal: 3, perFamilyTotal: 4 },
      }),
    );
  });
  afterAll(() => t.close());

  describe('every result', () => {
    it('valid: by QR, with the holder, valid-until and this partner’s offers that apply here and now', async () => {
      const res = await check({ code: await qrOf(parent()), outletId: outlet }).expect(200);
      expect(res.body).toMatchObject({
        result: 'valid',
        holder: { name: parent().holderName, role: 'parent' },
        validUntil: parent().validUntil,
      });
      expect(res.body.offers.map((o: { title: string }) => o.title)).toEqual(['Bilet −10%']);
      expect(res.body.offers[0]).toMatchObject({ benefitLabel: '−10%', remainingUses: 1 });
      const forChild = await check({ code: await qrOf(child()), outletId: otherOutlet }).expect(200);
      expect(forChild.body.offers.map((o: { title: string }) => o.title).sort()).toEqual([
        'Dzieci za darmo',
        'Tylko Czechów',
      ]);
      const anywhere = await check({ code: await qrOf(child()) }).expect(200);
      expect(anywhere.body.offers).toHaveLength(3); // every outlet, still not the 6+ families offer (this family has 5)
    });

    it('valid: a typed number with the holder’s last name; wrong name answers unknown_card', async () => {
      const card = child();
      const typed = `${card.number.slice(0, 3)} ${card.number.slice(3, 7)}-${card.number.slice(7)}`;
      const ok = await check({ code: typed.toLowerCase(), lastName: lastName(card).toUpperCase() }).expect(
        200,
      );
      expect(ok.body).toMatchObject({ result: 'valid', holder: { name: card.holderName } });
      const wrong = await check({ code: card.number, lastName: 'Kowalski' }).expect(200);
      expect(wrong.body).toMatchObject({ result: 'unknown_card', holder: null, offers: [] });
      const missing = await post('/api/v1/validations', partner.owner.token, { code: card.number }).expect(
        400,
      );
      expect(missing.body.errors[0].field).toBe('lastName');
    });

    it('malformed, invalid_signature (tampered or foreign key), wrong_programme and unknown_card', async () => {
      expect((await check({ code: 'hello' })).body.result).toBe('malformed');
      expect((await check({ code: 'HTTP://LOCALHOST:3000/C/ABC' })).body.result).toBe('malformed');
      const qr = await qrOf(parent());
      const at = qr.length - 20;
      const tampered = qr.slice(0, at) + (qr[at] === 'A' ? 'B' : 'A') + qr.slice(at + 1);
      expect((await check({ code: tampered })).body.result).toBe('invalid_signature');
      const foreign = generateKeyPairSync('ed25519').privateKey;
      const forged = qrTextFor(
        'http://localhost:3000',
        signCardToken(
          {
            programme: (await programme()).code,
            cardNumber: parent().number,
            name: 'X Y',
            role: 'parent',
            notBefore: 0,
            expires: null,
          },
          signingKeyFor(foreign),
        ),
      );
      expect((await check({ code: forged })).body.result).toBe('invalid_signature');
      expect((await check({ code: await signed({ programme: 'OTHER' }) })).body.result).toBe(
        'wrong_programme',
      );
      const stranger = generateCardNumber((await programme()).cardPrefix);
      expect((await check({ code: await signed({ cardNumber: stranger }) })).body).toMatchObject({
        result: 'unknown_card',
        holder: null,
      });
    });

    it('expired and not_yet_valid from the register’s dates in the programme’s time zone', async () => {
      const repo = t.dataSource.getRepository(CardEntity);
      const card = cards[cards.length - 1];
      const before = { validFrom: card.validFrom, validUntil: card.validUntil, signedAt: card.signedAt };
      const today = todayIn('Europe/Warsaw', new Date());
      // As if issued long ago and past its last day, before the nightly job marks it expired.
      const longAgo = new Date(Date.now() - 30 * 86_400_000);
      await repo.update({ id: card.id }, { validUntil: addDays(today, -1), signedAt: longAgo });
      expect((await check({ code: await qrOf(card) })).body).toMatchObject({ result: 'expired', offers: [] });
      await repo.update(
        { id: card.id },
        { validUntil: before.validUntil, validFrom: addDays(today, 1), signedAt: before.signedAt },
      );
      expect((await check({ code: await qrOf(card) })).body.result).toBe('not_yet_valid');
      await repo.update({ id: card.id }, before);
      expect((await check({ code: await qrOf(card) })).body.result).toBe('valid');
    });

    it('suspended, revoked and replaced as staff set them', async () => {
      const other = await enrolFamily(t, caseWorker, 'Nowak');
      const [a, b, c] = await t.dataSource.getRepository(CardEntity).findBy({ familyId: other.familyId });
      const qrs = [await qrOf(a), await qrOf(b), await qrOf(c)];
      await post(`/api/v1/cards/${a.id}/suspend`, caseWorker, {}).expect(200);
      await post(`/api/v1/cards/${b.id}/revoke`, caseWorker, { reason: 'fraud' }).expect(200);
      await post(`/api/v1/cards/${c.id}/report-lost`, caseWorker, { reason: 'lost' }).expect(200);
      expect((await check({ code: qrs[0] })).body.result).toBe('suspended');
      expect((await check({ code: qrs[1] })).body.result).toBe('revoked');
      expect((await check({ code: qrs[2] })).body).toMatchObject({
        result: 'replaced',
        holder: { name: c.holderName },
      });
    });

    afterAll(() => {
      expect([...produced].sort()).toEqual([...VALIDATION_RESULTS].sort());
    });
  });

  it('records each check pseudonymously: card id, partner, outlet, time, result — no number or name', async () => {
    const res = await check({ code: await qrOf(parent()), outletId: outlet }).expect(200);
    const row = await t.dataSource.getRepository(ValidationEntity).findOneByOrFail({ id: res.body.id });
    expect(row).toMatchObject({
      cardId: parent().id,
      partnerId: partner.partnerId,
      outletId: outlet,
      result: 'valid',
      method: 'qr',
    });
    expect(JSON.stringify(row)).not.toContain(parent().number);
    expect(JSON.stringify(row)).not.toContain(lastName(parent()));
  });

  it('records every one of many simultaneous checks before answering (committed together on SQLite)', async () => {
    const codes = await Promise.all(cards.map(qrOf));
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => check({ code: codes[i % codes.length], outletId: outlet })),
    );
    const ids = answers.map((res) => res.body.id as string);
    expect(answers.every((res) => res.status === 200 && res.body.result === 'valid')).toBe(true);
    expect(new Set(ids).size).toBe(24);
    const rows = await t.dataSource.getRepository(ValidationEntity).findBy({ id: In(ids) });
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(new Set(rows.map((r) => r.cardId))).toEqual(new Set(cards.map((c) => c.id)));
  });

  it('only merchants of an approved partner and its till keys check cards', async () => {
    const code = await qrOf(parent());
    for (const token of [caseWorker, family.family.token, manager])
      await post('/api/v1/validations', token, { code }).expect(403);
    const key = await post(`/api/v1/partners/${partner.partnerId}/api-keys`, partner.owner.token, {
      name: 'Till',
      scopes: ['validations:write'],
    }).expect(201);
    const viaKey = await t.http
      .post('/api/v1/validations')
      .set('X-API-Key', key.body.key)
      .send({ code })
      .expect(200);
    expect(viaKey.body.result).toBe('valid');
    const other = await approvedPartner(t, manager);
    const foreignOutlet = await post('/api/v1/validations', other.owner.token, {
      code,
      outletId: outlet,
    }).expect(400);
    expect(foreignOutlet.body.errors[0].field).toBe('outletId');
    await post(`/api/v1/partners/${other.partnerId}/suspend`, manager, { reason: 'checks' }).expect(200);
    await post('/api/v1/validations', other.owner.token, { code }).expect(403);
  });

  describe('redemptions', () => {
    const redeem = (body: object, token = partner.owner.token) => post('/api/v1/redemptions', token, body);
    let key = 0;
    const newKey = () => `test-key-${Date.now()}-${++key}`;

    it('records a use, answers a repeated key with the same use, and refuses the key for another use', async () => {
      const checked = await check({ code: await qrOf(child()), outletId: otherOutlet }).expect(200);
      const idempotencyKey = newKey();
      const body = { validationId: checked.body.id, offerId: offers.elsewhere, idempotencyKey };
      const first = await redeem(body).expect(201);
      expect(first.body).toMatchObject({ status: 'recorded', remainingUses: 2, outletId: otherOutlet });
      const again = await redeem(body).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const reused = await redeem({ ...body, offerId: offers.children }).expect(409);
      expect(reused.body.errors[0].field).toBe('idempotencyKey');
      expect(await t.dataSource.getRepository(RedemptionEntity).countBy({ idempotencyKey })).toBe(1);
      const after = await check({ code: await qrOf(child()), outletId: otherOutlet }).expect(200);
      expect(after.body.offers.find((o: { id: string }) => o.id === offers.elsewhere).remainingUses).toBe(2);
    });

    it('counts a family’s uses across its members against the family limit', async () => {
      // The test above left the child one use of `elsewhere` (3 per card, 4 per family).
      const checked = await check({ code: await qrOf(child()), outletId: otherOutlet }).expect(200);
      const second = await redeem({
        validationId: checked.body.id,
        offerId: offers.elsewhere,
        idempotencyKey: newKey(),
      }).expect(201);
      expect(second.body.remainingUses).toBe(1); // the child's own: 3 − 2
      const forParent = await check({ code: await qrOf(parent()), outletId: otherOutlet }).expect(200);
      const elsewhere = forParent.body.offers.find((o: { id: string }) => o.id === offers.elsewhere);
      expect(elsewhere.remainingUses).toBe(2); // the family's: 4 − 2, below the parent's own 3
    });

    it('50 concurrent redemptions of a once-a-day offer for one card: exactly one succeeds', async () => {
      const checked = await check({ code: await qrOf(parent()), outletId: outlet }).expect(200);
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          redeem({ validationId: checked.body.id, offerId: offers.everyone, idempotencyKey: newKey() }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect(results.find((r) => r.status === 409)!.body.type).toBe('/problems/usage-limit-reached');
      expect(
        await t.dataSource
          .getRepository(RedemptionEntity)
          .countBy({ cardId: parent().id, offerId: offers.everyone, status: 'recorded' }),
      ).toBe(1);
    });

    (engine === 'postgres' ? it : it.skip)(
      'the same 50 concurrent redemptions spread over two instances on one PostgreSQL: exactly one succeeds',
      async () => {
        const other = await startApp({ db: t.db });
        try {
          const checked = await check({ code: await qrOf(cards[1]), outletId: outlet }).expect(200);
          const http = [t.http, other.http];
          const results = await Promise.all(
            Array.from({ length: 50 }, (_, i) =>
              http[i % 2]
                .post('/api/v1/redemptions')
                .auth(partner.owner.token, { type: 'bearer' })
                .send({ validationId: checked.body.id, offerId: offers.everyone, idempotencyKey: newKey() }),
            ),
          );
          expect(results.filter((r) => r.status === 201)).toHaveLength(1);
          expect(results.filter((r) => r.status === 409)).toHaveLength(49);
          const recorded = await t.dataSource
            .getRepository(RedemptionEntity)
            .countBy({ cardId: cards[1].id, offerId: offers.everyone, status: 'recorded' });
          expect(recorded).toBe(1);
        } finally {
          await other.close();
        }
      },
    );

    it('refuses an offer this holder is not in the audience of, one not held at the outlet, and another partner’s check', async () => {
      const checked = await check({ code: await qrOf(parent()), outletId: outlet }).expect(200);
      const audience = await redeem({
        validationId: checked.body.id,
        offerId: offers.children,
        idempotencyKey: newKey(),
      }).expect(409);
      expect(audience.body.type).toBe('/problems/offer-not-applicable');
      const where = await redeem({
        validationId: checked.body.id,
        offerId: offers.elsewhere,
        idempotencyKey: newKey(),
      }).expect(409);
      expect(where.body.type).toBe('/problems/offer-not-available');
      const size = await redeem({
        validationId: checked.body.id,
        offerId: offers.bigFamilies,
        idempotencyKey: newKey(),
      }).expect(409);
      expect(size.body).toMatchObject({
        type: '/problems/offer-not-applicable',
        detail: 'This offer is for families of 6 or more.',
      });
      const other = await approvedPartner(t, manager);
      await redeem(
        { validationId: checked.body.id, offerId: offers.everyone, idempotencyKey: newKey() },
        other.owner.token,
      ).expect(404);
      const bad = await check({ code: 'nonsense' }).expect(200);
      await redeem({ validationId: bad.body.id, offerId: offers.everyone, idempotencyKey: newKey() }).expect(
        404,
      );
    });

    it('a cashier cancels within the programme’s minutes; later it is too late', async () => {
      const checked = await check({ code: await qrOf(child()), outletId: otherOutlet }).expect(200);
      const made = await redeem({
        validationId: checked.body.id,
        offerId: offers.children,
        idempotencyKey: newKey(),
      }).expect(201);
      const cancelled = await post(
        `/api/v1/redemptions/${made.body.id}/cancel`,
        partner.owner.token,
        {},
      ).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      const p = await programme();
      await t.dataSource.getRepository(ProgrammeEntity).update({ id: p.id }, { redemptionCancelMinutes: 0 });
      const late = await redeem({
        validationId: checked.body.id,
        offerId: offers.children,
        idempotencyKey: newKey(),
      }).expect(201);
      const refused = await post(
        `/api/v1/redemptions/${late.body.id}/cancel`,
        partner.owner.token,
        {},
      ).expect(409);
      expect(refused.body.type).toBe('/problems/cancel-window-passed');
      await t.dataSource
        .getRepository(ProgrammeEntity)
        .update({ id: p.id }, { redemptionCancelMinutes: p.redemptionCancelMinutes });
    });
  });

  describe('a day’s checks at an outlet (GET /api/v1/validations)', () => {
    const list = (query: Record<string, string>, token = partner.owner.token) =>
      t.http.get('/api/v1/validations').query(query).auth(token, { type: 'bearer' });

    it('lists this partner’s checks of today at the outlet, newest first, with the holder and a masked number', async () => {
      const cashier = await t.newUser('merchant_cashier', { partnerId: partner.partnerId });
      const before = (await list({ outletId: outlet }, cashier.token).expect(200)).body;
      const valid = await check({ code: await qrOf(child()), outletId: outlet }, cashier.token).expect(200);
      await check({ code: 'nonsense', outletId: outlet }, cashier.token).expect(200);
      await check({ code: await qrOf(child()), outletId: otherOutlet }).expect(200);
      await post('/api/v1/redemptions', cashier.token, {
        validationId: valid.body.id,
        offerId: offers.children,
        idempotencyKey: `list-${Date.now()}`,
      }).expect(201);
      const res = await list({ outletId: outlet, date: 'today' }, cashier.token).expect(200);
      expect(res.body).toMatchObject({
        date: todayIn('Europe/Warsaw', new Date()),
        outletId: outlet,
        total: before.total + 2,
        valid: before.valid + 1,
      });
      const [newest, second] = res.body.items;
      expect(newest).toMatchObject({ result: 'malformed', method: 'qr', holderName: null, cardNumber: null });
      expect(second).toMatchObject({
        id: valid.body.id,
        result: 'valid',
        outletId: outlet,
        holderName: child().holderName,
        cardNumber: maskCardNumber(child().number),
      });
      expect(second.cardNumber.replace(/\D/g, '')).toBe(child().number.slice(-4));
      expect(Date.parse(newest.checkedAt)).toBeGreaterThanOrEqual(Date.parse(second.checkedAt));
      expect(second.redemptions).toBe(1);
      // Never the full number or anyone's national ID.
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(child().number);
      for (const member of family.members)
        if (member.nationalId) expect(text).not.toContain(member.nationalId);
      // Without an outlet: every outlet of the partner; a limit cuts the items, not the counts.
      const all = (await list({}).expect(200)).body;
      expect(all.outletId).toBeNull();
      expect(all.total).toBeGreaterThan(res.body.total);
      const one = (await list({ outletId: outlet, limit: '1' }).expect(200)).body;
      expect(one).toMatchObject({ total: res.body.total, items: [{ id: newest.id }] });
      // Another day has its own checks: none yesterday.
      const yesterday = addDays(todayIn('Europe/Warsaw', new Date()), -1);
      expect((await list({ outletId: outlet, date: yesterday }).expect(200)).body).toMatchObject({
        date: yesterday,
        total: 0,
        valid: 0,
        items: [],
      });
    });

    it('shows a partner only its own checks: another partner’s outlet is refused, staff and families are 403', async () => {
      const other = await approvedPartner(t, manager);
      const mine = (await list({}, other.owner.token).expect(200)).body;
      expect(mine).toMatchObject({ total: 0, items: [] });
      const foreign = await list({ outletId: outlet }, other.owner.token).expect(400);
      expect(foreign.body.errors[0].field).toBe('outletId');
      for (const token of [caseWorker, manager, family.family.token]) await list({}, token).expect(403);
      await t.http.get('/api/v1/validations').expect(401);
      const key = await post(`/api/v1/partners/${partner.partnerId}/api-keys`, partner.owner.token, {
        name: 'Till list',
        scopes: ['validations:write'],
      }).expect(201);
      const viaKey = await t.http
        .get('/api/v1/validations')
        .query({ outletId: outlet })
        .set('X-API-Key', key.body.key);
      expect(viaKey.status).toBe(200);
      expect(viaKey.body.total).toBeGreaterThan(0);
    });

    it.each([
      [{ date: 'yesterday' }, 'date'],
      [{ date: '2026-02-30' }, 'date'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '501' }, 'limit'],
      [{ outletId: 'outlet-1' }, 'outletId'],
      [{ other: 'x' }, 'other'],
    ])('answers %j with 400 naming %s', async (query, field) => {
      const res = await list(query).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors[0].field).toBe(field);
    });
  });

  describe('offline: the signed revocation list', () => {
    const jwks = async (): Promise<Map<string, KeyObject>> => {
      const res = await t.http.get('/.well-known/jwks.json').expect(200);
      return new Map(
        (res.body.keys as { kid: string }[]).map((jwk) => [
          jwk.kid,
          createPublicKey({ key: jwk, format: 'jwk' }),
        ]),
      );
    };

    it('lists refused cards, verifies against the JWKS, and an offline verifier rejects a revoked card by it', async () => {
      const card = cards.find((c) => c.role === 'parent' && c.id !== parent().id) ?? parent();
      const qr = await qrOf(card);
      const keys = await jwks();
      const before = new Date(Date.now() - 1000);
      await post(`/api/v1/cards/${card.id}/revoke`, caseWorker, { reason: 'fraud' }).expect(200);
      const res = await t.http.get('/api/v1/revocations').expect(200);
      const list = verifyRevocationList(res.body as SignedRevocationList, (kid) => keys.get(kid) ?? null);
      expect(list).not.toBeNull();
      expect(list!.entries).toEqual(
        expect.arrayContaining([expect.objectContaining({ number: card.number, status: 'revoked' })]),
      );
      // Offline: the token alone still verifies; the list is what refuses it.
      const offline = verifyQrText(qr, (kid) => keys.get(kid) ?? null);
      expect(offline.status).toBe('valid');
      const refused = new Set(list!.entries.filter((e) => e.status !== 'active').map((e) => e.number));
      expect(offline.status === 'valid' && refused.has(offline.claims.cardNumber)).toBe(true);
      // Online it answers revoked.
      expect((await check({ code: qr })).body.result).toBe('revoked');
      // A delta since before the revocation names it; one since now names nothing.
      const delta = await t.http.get(`/api/v1/revocations?since=${before.toISOString()}`).expect(200);
      expect(JSON.parse(delta.body.payload).entries.map((e: { number: string }) => e.number)).toContain(
        card.number,
      );
      const none = await t.http.get(`/api/v1/revocations?since=${new Date().toISOString()}`).expect(200);
      expect(JSON.parse(none.body.payload).entries).toEqual([]);
      // A changed byte breaks the signature.
      const doctored = {
        ...res.body,
        payload: res.body.payload.replace(card.number, generateCardNumber('XX')),
      };
      expect(verifyRevocationList(doctored, (kid) => keys.get(kid) ?? null)).toBeNull();
    });

    it('refuses a since that is not a date', async () => {
      const res = await t.http.get('/api/v1/revocations?since=yesterday').expect(400);
      expect(res.body.errors[0].field).toBe('since');
    });
  });

  it('reads the holder’s birth date for an offer with an age range, and judges by it', async () => {
    const young = await addOutlet(
      t,
      partner.owner.token,
      partner.partnerId,
      placeOutlet({ name: 'Kino Młodych', ref: 'mlodzi' }),
    );
    await publishedOffer(
      t,
      partner,
      manager,
      offerBody([young], {
        texts: { pl: { title: 'Do 17 lat' } },
        audience: { kind: 'age_range', maxAge: 17 },
      }),
    );
    const titles = async (card: CardEntity) =>
      (await check({ code: await qrOf(card), outletId: young }).expect(200)).body.offers.map(
        (o: { title: string }) => o.title,
      );
    expect(await titles(child())).toEqual(['Do 17 lat']);
    expect(await titles(parent())).toEqual([]);
  });
});
