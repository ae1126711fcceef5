import type { IsoDate } from '../programmes/eligibility/eligibility.types';

export interface MemberDecision {
  memberId: string;
  eligible: boolean;
  validUntil: IsoDate | null;
}

export interface LiveCard {
  id: string;
  memberId: string;
  validUntil: IsoDate | null;
}

export type CardStep =
  | { kind: 'issue'; memberId: string; validUntil: IsoDate | null }
  | { kind: 'extend'; cardId: string; validUntil: IsoDate | null }
  | { kind: 'replace'; cardId: string; validUntil: IsoDate | null };

/**
 * What an approval does to a family's cards, whatever the application type: every eligible member without a
 * live card gets one; a live card whose valid-until the engine now puts elsewhere is signed again with it; a
 * duplicate-card application replaces the named member's live card. A member the engine no longer finds
 * eligible keeps the card until it ends (staff revoke when there is a reason to).
 */
export function planCards(
  decisions: MemberDecision[],
  live: LiveCard[],
  duplicateFor: string | null = null,
): CardStep[] {
  const steps: CardStep[] = [];
  const byMember = new Map(live.map((card) => [card.memberId, card]));
  for (const d of decisions) {
    const card = byMember.get(d.memberId);
    if (card && d.memberId === duplicateFor) {
      // The replacement carries the engine's date, or the lost card's when the engine no longer finds one.
      steps.push({
        kind: 'replace',
        cardId: card.id,
        validUntil: d.eligible ? d.validUntil : card.validUntil,
      });
      continue;
    }
    if (!d.eligible) continue;
    if (!card) steps.push({ kind: 'issue', memberId: d.memberId, validUntil: d.validUntil });
    else if (card.validUntil !== d.validUntil)
      steps.push({ kind: 'extend', cardId: card.id, validUntil: d.validUntil });
  }
  return steps;
}
