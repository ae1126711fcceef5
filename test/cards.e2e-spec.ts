import { createPublicKey, KeyObject } from 'node:crypto';
import { systemActor } from '../src/auth/actor';
import { In } from 'typeorm';
import { CardEventEntity } from '../src/cards/card-event.entity';
import { CardExpiryJob } from '../src/cards/card-expiry.job';
import { JobsService } from '../src/jobs/jobs.service';
import { CardEntity } from '../src/cards/card.entity';
import { isValidCardNumber } from '../src/cards/card-number';
import { OutboxMessageEntity } from '../src/notifications/outbox-message.entity';
import { verifyQrText } from '../src/cards/token/card-token';
import { MemberEntity } from '../src/families/member.entity';
import { todayIn, addDays } from '../src/programmes/eligibility/civil-date';
import { engine } from './support/databases';
import { enrolFamily, Enrolled } from './support/enrolment-factory';
import { startApp, TestApp } from './support/test-app';

describe(`cards (${engine})`, () => {
  let t: TestApp;
  let caseWorker: string;
  let admin: string;
  let family: Enrolled;

  const get = (url: string, token: string) => t.http.get(url).auth(token, { type: 'bearer' });
  const post = (url: string, token: string, body: object = {}) =>
    t.http.post(url).auth(token, { type: 'bearer' }).send(body);

  async function jwks(): Promise<Map<string, KeyObject>> {
    const res = await t.http.get('/.well-known/jwks.json').expect(200);
    return new Map(
      (res.body.keys as { kid: string }[]).map((jwk) => [
        jwk.kid,
        createPublicKey({ key: jwk, format: 'jwk' }),
      ]),
    );
  }
  const verify = async (qrText: string) => {
    const keys = await jwks();
    return verifyQrText(qrText, (kid) => keys.get(kid) ?? null);
  };
  const cardsOf = (familyId: string) =>
    t.dataSource
      .getRepository(CardEntity)
      .find({ where: { familyId }, order: { createdAt: 'ASC', id: 'ASC' } });

  beforeAll(async () => {
    t = await startApp();
    caseWorker = (await t.newUser('case_worker')).token;
    admin = await t.adminToken();
    family = await enrolFamily(t, caseWorker, 'Żółkiewski');
  });
  afterAll(() => t.close());

  it('approval issues one card per eligible member in the same transaction, with the engine’s dates', async () => {
    const members = await t.dataSource.getRepository(MemberEntity).findBy({ familyId: family.familyId });
    const cards = await cardsOf(family.familyId);
    expect(cards).toHaveLength(members.filter((m) => m.eligible).length);
    expect(cards.length).toBe(5);
    for (const card of cards) {
      const member = members.find((m) => m.id === card.memberId)!;
      expect(card).toMatchObject({
        status: 'active',
        validUntil: member.eligibleUntil,
        role: member.person.role,
      });
      expect(card.holderName).toBe(`${member.person.firstName} ${member.person.lastName}`);
      expect(card.number).toMatch(/^[A-Z]{2,6}\d{13}$/);
      expect(isValidCardNumber(card.number)).toBe(true);
    }
    // Random, not sequential: no two numbers share their first eight digits.
    expect(new Set(cards.map((c) => c.number.replace(/^[A-Z]+/, '').slice(0, 8))).size).toBe(cards.length);
  });

  it('the card detail carries a QR text that verifies against /.well-known/jwks.json', async () => {
    const [card] = await cardsOf(family.familyId);
    const res = await get(`/api/v1/cards/${card.id}`, caseWorker).expect(200);
    expect(res.body).toMatchObject({ number: card.number, status: 'active', holderName: card.holderName });
    expect(res.body.qrText).toMatch(/^HTTP:\/\/LOCALHOST:\d+\/C\/[A-Z2-7]+$/);
    expect(res.body.history.map((e: { type: string }) => e.type)).toEqual(['issued']);
    const verified = await verify(res.body.qrText);
    expect(verified).toMatchObject({ status: 'valid', kid: card.signingKeyId });
    if (verified.status === 'valid')
      expect(verified.claims).toMatchObject({
        cardNumber: card.number,
        name: card.holderName,
        role: card.role,
      });
    // The same card signs to the same text every time.
    expect((await get(`/api/v1/cards/${card.id}`, caseWorker)).body.qrText).toBe(res.body.qrText);
  });

  it('after a key rotation old cards still verify and new cards use the new key', async () => {
    const [old] = await cardsOf(family.familyId);
    const oldQr = (await get(`/api/v1/cards/${old.id}`, caseWorker)).body.qrText;
    await post('/api/v1/signing-keys/rotate', caseWorker).expect(403);
    const rotated = await post('/api/v1/signing-keys/rotate', admin).expect(201);
    expect(rotated.body.id).not.toBe(old.signingKeyId);

    const keys = await jwks();
    expect([...keys.keys()].sort()).toEqual([old.signingKeyId, rotated.body.id].sort());
    expect(await verify(oldQr)).toMatchObject({ status: 'valid', kid: old.signingKeyId });

    const second = await enrolFamily(t, caseWorker, 'Nowak');
    const [fresh] = await cardsOf(second.familyId);
    expect(fresh.signingKeyId).toBe(rotated.body.id);
    const freshQr = (await get(`/api/v1/cards/${fresh.id}`, caseWorker)).body.qrText;
    expect(await verify(freshQr)).toMatchObject({ status: 'valid', kid: rotated.body.id });
    const listed = await get('/api/v1/signing-keys', admin).expect(200);
    expect(listed.body.map((k: { status: string }) => k.status).sort()).toEqual(['active', 'retired']);
  });

  it('suspend, resume and revoke follow the card’s state; a step it does not allow is 409', async () => {
    const [, card] = await cardsOf(family.familyId);
    await post(`/api/v1/cards/${card.id}/resume`, caseWorker).expect(409);
    await post(`/api/v1/cards/${card.id}/suspend`, caseWorker, { note: 'checking' }).expect(200);
    await post(`/api/v1/cards/${card.id}/resume`, caseWorker).expect(200);
    const bad = await post(`/api/v1/cards/${card.id}/revoke`, caseWorker, { reason: 'because' }).expect(400);
    expect(bad.body.errors[0].field).toBe('reason');
    const revoked = await post(`/api/v1/cards/${card.id}/revoke`, caseWorker, { reason: 'fraud' }).expect(
      200,
    );
    expect(revoked.body).toMatchObject({ status: 'revoked', statusReason: 'fraud' });
    await post(`/api/v1/cards/${card.id}/suspend`, caseWorker).expect(409);
    const detail = await get(`/api/v1/cards/${card.id}`, caseWorker).expect(200);
    expect(detail.body.history.map((e: { type: string }) => e.type)).toEqual([
      'issued',
      'suspended',
      'resumed',
      'revoked',
    ]);
    const listed = await get(`/api/v1/cards?status=revoked&familyId=${family.familyId}`, caseWorker).expect(
      200,
    );
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([card.id]);
  });

  it('a lost card becomes replaced and the member gets a new number, with the fee recorded or waived', async () => {
    const [, , card] = await cardsOf(family.familyId);
    const res = await post(`/api/v1/cards/${card.id}/report-lost`, caseWorker, {
      reason: 'stolen',
      waiveFee: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'active',
      memberId: card.memberId,
      feeWaived: true,
      validUntil: card.validUntil,
    });
    expect(res.body.number).not.toBe(card.number);
    const old = await get(`/api/v1/cards/${card.id}`, caseWorker).expect(200);
    expect(old.body).toMatchObject({ status: 'replaced', statusReason: 'stolen', replacedById: res.body.id });
    await post(`/api/v1/cards/${card.id}/report-lost`, caseWorker, { reason: 'lost' }).expect(409);
  });

  it('search finds a card by number or by name ignoring case and diacritics', async () => {
    const [card] = await cardsOf(family.familyId);
    const spaced = card.number.replace(/^([A-Z]+)(\d{4})(\d{4})/, '$1 $2 $3 ');
    const byNumber = await get(`/api/v1/cards?q=${encodeURIComponent(spaced)}`, caseWorker).expect(200);
    expect(byNumber.body.items.map((c: { id: string }) => c.id)).toEqual([card.id]);
    const byName = await get('/api/v1/cards?q=zolkiewsk&limit=2', caseWorker).expect(200);
    expect(byName.body.items).toHaveLength(2);
    const next = await get(`/api/v1/cards?q=zolkiewsk&limit=50&cursor=${byName.body.nextCursor}`, caseWorker);
    const all = [...byName.body.items, ...next.body.items].map((c: { id: string }) => c.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe((await cardsOf(family.familyId)).length);
    await get('/api/v1/cards?cursor=nope', caseWorker).expect(400);
  });

  it('a family sees its own cards, nobody else’s; merchants see none', async () => {
    const mine = await get('/api/v1/families/mine/cards', family.family.token).expect(200);
    expect(mine.body.length).toBe((await cardsOf(family.familyId)).length);
    const other = await enrolFamily(t, caseWorker, 'Wiśniewski');
    const [foreign] = await cardsOf(other.familyId);
    await get(`/api/v1/cards/${foreign.id}`, family.family.token).expect(404);
    await get(`/api/v1/cards/${mine.body[0].id}`, family.family.token).expect(200);
    await get('/api/v1/cards', family.family.token).expect(403);
    const merchant = await t.newUser('merchant_cashier');
    await get(`/api/v1/cards/${foreign.id}`, merchant.token).expect(403);
  });

  it('the expiry job ends cards past their day and reminds before, once however often it runs', async () => {
    const cards = await cardsOf(family.familyId);
    const child = cards.find((c) => c.status === 'active' && c.validUntil !== null)!;
    const other = cards.find((c) => c.status === 'active' && c.validUntil !== null && c.id !== child.id)!;
    const today = todayIn('Europe/Warsaw', new Date());
    await t.dataSource.getRepository(CardEntity).update({ id: child.id }, { validUntil: addDays(today, -1) });
    await t.dataSource.getRepository(CardEntity).update({ id: other.id }, { validUntil: addDays(today, 10) });
    const job = t.app.get(CardExpiryJob);
    const mails = () =>
      t.dataSource.getRepository(OutboxMessageEntity).countBy({ template: 'card_expiring' });
    const before = await mails();

    const first = await job.run(systemActor('test'));
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(await mails()).toBe(before + first.reminded);
    const second = await job.run(systemActor('test'));
    expect(second).toEqual({ expired: 0, reminded: 0 });
    expect(await mails()).toBe(before + first.reminded);

    const expired = await get(`/api/v1/cards/${child.id}`, caseWorker).expect(200);
    expect(expired.body.status).toBe('expired');
    expect(expired.body.history.map((e: { type: string }) => e.type)).toContain('expired');
  });

  (engine === 'postgres' ? it : it.skip)(
    'with two instances on one PostgreSQL the expiry job runs once: each due card expires once',
    async () => {
      const other = await startApp({ db: t.db });
      try {
        const enrolled = await enrolFamily(t, caseWorker, 'Dwójkowy');
        const due = (await cardsOf(enrolled.familyId)).filter((c) => c.validUntil !== null);
        const yesterday = addDays(todayIn('Europe/Warsaw', new Date()), -1);
        for (const card of due)
          await t.dataSource.getRepository(CardEntity).update({ id: card.id }, { validUntil: yesterday });
        // A run earlier in this period (the test above) would hide the race: start from a clean slate.
        await t.dataSource.query(`DELETE FROM job_runs WHERE job = 'cards.expire'`);

        const runs = await Promise.all([
          t.app.get(JobsService).runNow('cards.expire'),
          other.app.get(JobsService).runNow('cards.expire'),
        ]);
        expect(runs.filter((r) => r.ran)).toHaveLength(1);
        const events = await t.dataSource
          .getRepository(CardEventEntity)
          .countBy({ type: 'expired', cardId: In(due.map((c) => c.id)) });
        expect(events).toBe(due.length);
        expect((await cardsOf(enrolled.familyId)).filter((c) => c.status === 'expired')).toHaveLength(
          due.length,
        );
      } finally {
        await other.close();
      }
    },
  );
});
