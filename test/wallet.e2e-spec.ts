import { SigningKeysService } from '../src/cards/keys/signing-keys.service';
import { LIVE_TOKEN_MAX_SECONDS } from '../src/cards/token/live-token';
import { ProgrammesService } from '../src/programmes/programmes.service';
import { ValidationsService } from '../src/validations/validations.service';
import { engine } from './support/databases';
import { enrolFamily, Enrolled } from './support/enrolment-factory';
import { approvedPartner, RegisteredPartner } from './support/partner-factory';
import { decodeQrSvg } from './support/qr-image';
import { startApp, TestApp } from './support/test-app';

interface WalletCard {
  id: string;
  holderName: string;
  role: string;
  displayNumber: string;
  status: string;
  qrText: string | null;
  qrSvg: string | null;
  live: { qrText: string; qrSvg: string; notBefore: string; expiresAt: string } | null;
}

describe(`family phone wallet (${engine})`, () => {
  let t: TestApp;
  let caseWorker: string;
  let family: Enrolled;
  let partner: RegisteredPartner;

  const wallet = async (token = family.family.token) =>
    (await t.http.get('/api/v1/families/mine/wallet').auth(token, { type: 'bearer' }).expect(200)).body as {
      programmeName: string;
      generatedAt: string;
      cards: WalletCard[];
    };
  const check = async (code: string) =>
    (
      await t.http
        .post('/api/v1/validations')
        .auth(partner.owner.token, { type: 'bearer' })
        .send({ code })
        .expect(200)
    ).body.result as string;
  const verify = async (qrText: string) => {
    const keys = t.app.get(SigningKeysService);
    await keys.published(); // loads every public key into the verifier's cache
    const verification = await keys.verifyQr(qrText);
    if (verification.status !== 'valid') throw new Error(`token does not verify: ${verification.status}`);
    return verification.claims;
  };

  beforeAll(async () => {
    t = await startApp();
    caseWorker = (await t.newUser('case_worker')).token;
    family = await enrolFamily(t, caseWorker, 'Wiśniewski');
    partner = await approvedPartner(t, (await t.newUser('partner_manager')).token, { name: 'Zoo' });
  });
  afterAll(() => t.close());

  it('shows every member’s card with the printed QR and a live one valid for minutes; both check as valid', async () => {
    const before = Date.now();
    const { cards, programmeName } = await wallet();
    expect(programmeName).toBeTruthy();
    expect(cards).toHaveLength(family.members.length);
    for (const card of cards) {
      expect(card.status).toBe('active');
      expect(card.qrText).toMatch(/\/C\/[A-Z2-7]+$/);
      expect(card.live!.qrText).toMatch(/\/C\/[A-Z2-7]+$/);
      expect(card.live!.qrText).not.toBe(card.qrText);
      const printed = await verify(card.qrText!);
      const live = await verify(card.live!.qrText);
      // The same holder and card; only the window differs.
      expect({ ...live, notBefore: 0, expires: 0 }).toEqual({ ...printed, notBefore: 0, expires: 0 });
      expect(live.expires! - live.notBefore).toBeLessThanOrEqual(LIVE_TOKEN_MAX_SECONDS);
      expect(live.expires! * 1000).toBe(Date.parse(card.live!.expiresAt));
      // Five minutes by default, from the moment of the request.
      expect(Date.parse(card.live!.expiresAt) - before).toBeGreaterThanOrEqual(299_000);
      expect(Date.parse(card.live!.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
      expect(await check(card.qrText!)).toBe('valid');
      expect(await check(card.live!.qrText)).toBe('valid');
    }
    // The images are the same codes, readable by a camera.
    expect(await decodeQrSvg(cards[0].qrSvg!)).toBe(cards[0].qrText);
    expect(await decodeQrSvg(cards[0].live!.qrSvg)).toBe(cards[0].live!.qrText);
    // Never a national ID: the wallet holds names, numbers and tokens only.
    const text = JSON.stringify(cards);
    for (const member of family.members) expect(text).not.toContain(member.nationalId!);
  });

  it('a live code stops checking when its minutes are up, while the printed card keeps checking', async () => {
    const [card] = (await wallet()).cards;
    const programme = await t.app.get(ProgrammesService).default();
    const validations = t.app.get(ValidationsService);
    const after = new Date(Date.parse(card.live!.expiresAt) + 1000);
    const before = new Date(Date.parse(card.live!.notBefore) - 1000);
    expect((await validations.assess(programme, { code: card.live!.qrText }, after)).result).toBe('expired');
    expect((await validations.assess(programme, { code: card.live!.qrText }, before)).result).toBe(
      'not_yet_valid',
    );
    expect((await validations.assess(programme, { code: card.qrText! }, after)).result).toBe('valid');
  });

  it('a suspended card shows without a live code; a card reported lost gives way to its replacement', async () => {
    const [first, second] = (await wallet()).cards;
    const post = (url: string, body: object = {}) =>
      t.http.post(url).auth(caseWorker, { type: 'bearer' }).send(body);
    await post(`/api/v1/cards/${first.id}/suspend`, { note: 'checking' }).expect(200);
    const lost = await post(`/api/v1/cards/${second.id}/report-lost`, {
      reason: 'lost',
      waiveFee: true,
    }).expect(200);
    const { cards } = await wallet();
    const suspended = cards.find((c) => c.id === first.id)!;
    expect(suspended).toMatchObject({ status: 'suspended', live: null });
    expect(await check(suspended.qrText!)).toBe('suspended');
    expect(cards.map((c) => c.id)).not.toContain(second.id);
    const replacement = cards.find((c) => c.id === lost.body.id)!;
    expect(replacement).toMatchObject({ status: 'active', holderName: second.holderName });
    expect(await check(replacement.live!.qrText)).toBe('valid');
    await post(`/api/v1/cards/${first.id}/resume`).expect(200);
  });

  it('belongs to families only: staff are refused, and a family account not yet enrolled has no wallet', async () => {
    await t.http.get('/api/v1/families/mine/wallet').auth(caseWorker, { type: 'bearer' }).expect(403);
    await t.http.get('/api/v1/families/mine/wallet').expect(401);
    const newcomer = await t.newUser('family');
    const res = await t.http
      .get('/api/v1/families/mine/wallet')
      .auth(newcomer.token, { type: 'bearer' })
      .expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('each family sees only its own cards', async () => {
    const other = await enrolFamily(t, caseWorker, 'Nowak');
    const mine = new Set((await wallet()).cards.map((c) => c.id));
    const theirs = (await wallet(other.family.token)).cards;
    expect(theirs).toHaveLength(other.members.length);
    for (const card of theirs) expect(mine.has(card.id)).toBe(false);
    for (const card of theirs) expect(card.holderName).toContain('Nowak');
  });
});
