import type { OfferStatus } from './offer-schedule';
import { nextOfferStatus, statusAfterEdit } from './offer-state';

describe('nextOfferStatus', () => {
  it.each([
    ['draft', 'submit', 'merchant', 'pending_approval'],
    ['pending_approval', 'approve', 'staff', 'published'],
    ['draft', 'approve', 'staff', 'published'],
    ['pending_approval', 'approve', 'merchant', null],
    ['pending_approval', 'reject', 'staff', 'draft'],
    ['pending_approval', 'reject', 'merchant', null],
    ['published', 'pause', 'merchant', 'paused'],
    ['paused', 'resume', 'merchant', 'published'],
    ['published', 'resume', 'merchant', null],
    ['published', 'submit', 'merchant', null],
    ['paused', 'end', 'staff', 'ended'],
    ['draft', 'end', 'merchant', 'ended'],
    ['ended', 'end', 'staff', null],
    ['ended', 'resume', 'staff', null],
  ] as const)('%s --%s by %s--> %s', (from, action, who, to) => {
    expect(nextOfferStatus(from, action, who)).toBe(to);
  });
});

describe('statusAfterEdit', () => {
  it.each<[OfferStatus, 'merchant' | 'staff', boolean, OfferStatus | null]>([
    ['draft', 'merchant', true, 'draft'],
    ['pending_approval', 'merchant', true, 'pending_approval'],
    ['published', 'merchant', true, 'pending_approval'],
    ['paused', 'merchant', true, 'pending_approval'],
    ['published', 'merchant', false, 'published'],
    ['published', 'staff', true, 'published'],
    ['ended', 'merchant', false, null],
    ['ended', 'staff', true, null],
  ])('%s edited by %s (approval needed: %s) → %s', (status, who, needs, to) => {
    expect(statusAfterEdit(status, who, needs)).toBe(to);
  });
});
