import type { EligibilityRules } from './eligibility/eligibility.types';
import type { ProgrammeEntity } from './programme.entity';

/** The Polish national rules: what a new programme starts from before its admins change anything. */
export const DEFAULT_PROGRAMME_SETTINGS = {
  nationalIdFormat: 'PESEL',
  minChildren: 3,
  childAgeLimit: 18,
  educationAgeLimit: 25,
  educationEndRule: 'september30After',
  parentValidity: 'lifetime',
  formerLargeFamilyParentsQualify: true,
  residency: { kind: 'none' },
  decisionDeadlineDays: 7,
  reminderLeadDays: 30,
  retentionMonths: 12,
  duplicateCardFee: 0,
  currency: 'PLN',
  taxNumberFormat: 'NIP',
  partnerAgreementVersion: '1.0',
  offerEditsNeedApproval: true,
  validationRetentionDays: 365,
  redemptionCancelMinutes: 15,
} satisfies Partial<ProgrammeEntity>;

export const rulesOf = (p: ProgrammeEntity): EligibilityRules => ({
  minChildren: p.minChildren,
  childAgeLimit: p.childAgeLimit,
  educationAgeLimit: p.educationAgeLimit,
  educationEndRule: p.educationEndRule,
  parentValidity: p.parentValidity,
  formerLargeFamilyParentsQualify: p.formerLargeFamilyParentsQualify,
  residency: p.residency,
});

/** The letters of a programme code (at most six) begin its card numbers unless the admin chose a prefix. */
export function cardPrefixFor(code: string): string {
  const letters = code.replace(/[^A-Z]/g, '').slice(0, 6);
  return letters.length >= 2 ? letters : 'CARD';
}
