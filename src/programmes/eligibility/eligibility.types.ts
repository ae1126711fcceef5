/** A calendar date in the programme's time zone, as 'YYYY-MM-DD'. Eligibility never looks at clock times. */
export type IsoDate = string;

export const MEMBER_ROLES = ['parent', 'spouse', 'child', 'foster_child', 'foster_parent'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export type ResidencyRule =
  | { kind: 'none' }
  | { kind: 'postalCodePrefixes'; values: string[] }
  | { kind: 'municipalityCodes'; values: string[] };

/** The part of a programme's settings the eligibility engine reads. Every number is a setting. */
export interface EligibilityRules {
  minChildren: number;
  childAgeLimit: number;
  educationAgeLimit: number;
  /** 'september30After': in education until 30 September after the declared end; 'endDate': until that date. */
  educationEndRule: 'september30After' | 'endDate';
  parentValidity: 'lifetime' | 'whileFamilyQualifies';
  /** Parents who have or had at least minChildren children keep qualifying (Polish law since 2019). */
  formerLargeFamilyParentsQualify: boolean;
  residency: ResidencyRule;
}

export interface MemberFacts {
  /** Whatever identifies the member to the caller (a member id, or an index in an application). */
  key: string;
  role: MemberRole;
  birthDate: IsoDate;
  /** Parents only; false means the parent lost parental authority. Missing means true. */
  parentalAuthority?: boolean | null;
  /** Children: declared end of education (school or university). */
  educationEnd?: IsoDate | null;
  /** Disability certificate valid until this date ... */
  disabilityUntil?: IsoDate | null;
  /** ... or permanently. */
  disabilityPermanent?: boolean | null;
  /** Foster children: end of the placement. */
  fosterPlacementEnd?: IsoDate | null;
  /** Foreigners: end of the residence permit (set only for foreigners). */
  residencePermitEnd?: IsoDate | null;
}

export interface FamilyFacts {
  postalCode?: string | null;
  municipalityCode?: string | null;
  members: MemberFacts[];
}

export interface Reason {
  code: string;
  message: string;
}

export interface MemberDecision {
  key: string;
  role: MemberRole;
  /** Whether this member gets a card. */
  eligible: boolean;
  /** Last day the card is valid; null = indefinite (only when eligible). */
  validUntil: IsoDate | null;
  /** Children only: counts toward the family's minimum. */
  qualifyingChild: boolean;
  reasons: Reason[];
}

export interface FamilyDecision {
  date: IsoDate;
  qualifies: boolean;
  /** Keys of the children that count toward minChildren on `date`. */
  qualifyingChildren: string[];
  members: MemberDecision[];
  /** Family-level reasons (too few children, residency, former large family). */
  reasons: Reason[];
}
