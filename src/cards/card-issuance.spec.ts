import { CardStep, LiveCard, MemberDecision, planCards } from './card-issuance';

const yes = (memberId: string, validUntil: string | null): MemberDecision => ({
  memberId,
  eligible: true,
  validUntil,
});
const no = (memberId: string): MemberDecision => ({ memberId, eligible: false, validUntil: null });
const card = (id: string, memberId: string, validUntil: string | null): LiveCard => ({
  id,
  memberId,
  validUntil,
});

describe('planCards', () => {
  it.each<[string, MemberDecision[], LiveCard[], string | null, CardStep[]]>([
    [
      'a new family: a card for every eligible member, none for the others',
      [yes('p1', null), yes('c1', '2030-01-01'), no('c2')],
      [],
      null,
      [
        { kind: 'issue', memberId: 'p1', validUntil: null },
        { kind: 'issue', memberId: 'c1', validUntil: '2030-01-01' },
      ],
    ],
    [
      'a newborn added: only the member without a card gets one',
      [yes('p1', null), yes('c9', '2044-05-01')],
      [card('k1', 'p1', null)],
      null,
      [{ kind: 'issue', memberId: 'c9', validUntil: '2044-05-01' }],
    ],
    [
      'an extension moves the valid-until of a live card',
      [yes('c1', '2031-09-30')],
      [card('k1', 'c1', '2029-01-01')],
      null,
      [{ kind: 'extend', cardId: 'k1', validUntil: '2031-09-30' }],
    ],
    ['nothing changed: nothing to do', [yes('c1', '2031-09-30')], [card('k1', 'c1', '2031-09-30')], null, []],
    [
      'a member no longer eligible keeps the card until it ends',
      [no('c1')],
      [card('k1', 'c1', '2027-01-01')],
      null,
      [],
    ],
    [
      'a duplicate replaces the named member’s card with the engine’s date',
      [yes('p1', null), yes('c1', '2030-01-01')],
      [card('k1', 'p1', null), card('k2', 'c1', '2029-06-01')],
      'c1',
      [{ kind: 'replace', cardId: 'k2', validUntil: '2030-01-01' }],
    ],
    [
      'a duplicate for a member the engine no longer finds eligible keeps the lost card’s date',
      [no('c1')],
      [card('k2', 'c1', '2029-06-01')],
      'c1',
      [{ kind: 'replace', cardId: 'k2', validUntil: '2029-06-01' }],
    ],
    [
      'a duplicate for a member without a live card issues one if eligible',
      [yes('c1', '2030-01-01')],
      [],
      'c1',
      [{ kind: 'issue', memberId: 'c1', validUntil: '2030-01-01' }],
    ],
  ])('%s', (_name, decisions, live, duplicateFor, expected) => {
    expect(planCards(decisions, live, duplicateFor)).toEqual(expected);
  });
});
