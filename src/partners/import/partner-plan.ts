import { canonical, sameJson } from '../../common/changes';
import { v7 as timeOrderedUuid } from 'uuid';
import type { RowProblem } from '../../families/import/import-row';
import {
  cleanTexts,
  DerivedColumns,
  editSummary,
  OfferInput,
  OfferSnapshot,
  searchColumns,
  windowColumns,
  WindowColumns,
} from '../../offers/offer-input';
import type { OfferSchedule } from '../../offers/offer-schedule';
import { statusAfterEdit } from '../../offers/offer-state';
import type { OfferEntity } from '../../offers/offer.entity';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import type { OutletEntity, OutletKind } from '../outlet.entity';
import type { PartnerEntity } from '../partner.entity';
import type { PartnerStatus } from '../partner-status';
import type { RecordType } from './partner-columns';
import type { ImportRow, OfferRow, OutletRow, PartnerRow, UnknownRow } from './partner-rows';

/*
 * The whole file against what is stored, without writing: which partners, outlets and offers are new, which
 * changed (and how, for the audit log), which are unchanged, and every problem that needs other rows or the
 * database (a partner that exists nowhere, an outlet ref an offer names but nobody defines, a row given twice,
 * an outlet changing its kind, an offer published for a partner that is not approved). Pure: tests and the dry
 * run see exactly what a real run would write.
 */

/** What is stored for the partners the file names, loaded once (partner-store.ts). */
export interface Stored {
  /** By normalised tax number. */
  partners: ReadonlyMap<string, PartnerEntity>;
  /** By partner id, then ref. */
  outlets: ReadonlyMap<string, ReadonlyMap<string, OutletEntity>>;
  offers: ReadonlyMap<string, ReadonlyMap<string, OfferEntity>>;
  /** By offer id: its outlets' ids, sorted. */
  offerOutlets: ReadonlyMap<string, string[]>;
}

export interface PlanContext {
  programme: Pick<ProgrammeEntity, 'id' | 'code' | 'languages' | 'timeZone' | 'partnerAgreementVersion'>;
  /** Category slugs by id, for the audit log. */
  categorySlugs: ReadonlyMap<string, string>;
  file: string;
  now: Date;
}

export interface Update<T> {
  id: string;
  line: number;
  set: Partial<T>;
}

export interface AuditEntry {
  action: 'partner.import' | 'outlet.import' | 'offer.import';
  entityType: 'partner' | 'outlet' | 'offer';
  entityId: string;
  summary: Record<string, unknown>;
}

export interface Tally {
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
}

export interface Plan {
  partners: { create: PartnerEntity[]; update: Update<PartnerEntity>[] };
  outlets: { create: OutletEntity[]; update: Update<OutletEntity>[] };
  offers: { create: OfferEntity[]; update: Update<OfferEntity>[] };
  /** Offers whose outlets are (re)written: every new offer, and changed ones. Sorted outlet ids. */
  links: Map<string, string[]>;
  /** Offers created before whose outlets changed: their old links go first. */
  relinked: string[];
  /** Stored partners renamed, or whose outlets moved city: their other offers' search columns follow. */
  refreshSearch: string[];
  audit: AuditEntry[];
  tallies: Record<RecordType, Tally>;
  /** Every problem of the file, in line order; any problem means nothing is written. */
  problems: RowProblem[];
  /** What the file asks for and the import does not do (a status step that is staff's to take), in line order. */
  notes: RowProblem[];
}

interface PartnerState {
  id: string | null;
  name: string;
  categoryId: string;
  status: PartnerStatus;
}

interface OutletState {
  id: string | null;
  kind: OutletKind;
  city: string | null;
}

const key = (taxNumber: string, ref: string) => `${taxNumber}\u0000${ref}`;

const same = sameJson;

function changes<T extends object>(
  before: T,
  after: Partial<T>,
  ignore: string[] = [],
): Record<string, { from: unknown; to: unknown }> {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(after)) {
    const from = (before as Record<string, unknown>)[field];
    if (!ignore.includes(field) && !same(from ?? null, to ?? null)) changed[field] = { from, to };
  }
  return changed;
}

export function plan(
  rows: ReadonlyArray<ImportRow | UnknownRow>,
  stored: Stored,
  context: PlanContext,
): Plan {
  return new Planner(stored, context).run(rows);
}

class Planner {
  private readonly result: Plan = {
    partners: { create: [], update: [] },
    outlets: { create: [], update: [] },
    offers: { create: [], update: [] },
    links: new Map(),
    relinked: [],
    refreshSearch: [],
    audit: [],
    tallies: {
      partner: { create: 0, update: 0, unchanged: 0, rejected: 0 },
      outlet: { create: 0, update: 0, unchanged: 0, rejected: 0 },
      offer: { create: 0, update: 0, unchanged: 0, rejected: 0 },
    },
    problems: [],
    notes: [],
  };
  /** Partners as they will be after the import, by tax number: from the file's rows and what is stored. */
  private readonly partners = new Map<string, PartnerState>();
  /** Partner rows in the file by tax number (their first line), valid or not. */
  private readonly partnerLines = new Map<string, number>();
  /** Outlets as they will be after the import, by tax number then ref; from invalid rows too (id null). */
  private readonly outlets = new Map<string, Map<string, OutletState>>();
  private readonly outletLines = new Map<string, number>();
  private readonly offerLines = new Map<string, number>();
  private readonly refresh = new Set<string>();
  private readonly problemLines = new Set<number>();
  /** windowColumns by schedule: one instant and one time zone for the whole file, and a few schedules repeat a lot. */
  private readonly windows = new Map<string, WindowColumns>();

  constructor(
    private readonly stored: Stored,
    private readonly context: PlanContext,
  ) {}

  run(rows: ReadonlyArray<ImportRow | UnknownRow>): Plan {
    const byType = { partner: [] as PartnerRow[], outlet: [] as OutletRow[], offer: [] as OfferRow[] };
    for (const row of rows) {
      row.problems.forEach((p) => this.problem(row.line, p.field, p.message));
      if (row.type === null) continue;
      (byType[row.type] as ImportRow[]).push(row);
    }
    // Rows may come in any order: partners are settled first, then outlets, then the offers that name them.
    byType.partner.forEach((row) => this.partner(row));
    byType.outlet.forEach((row) => this.outlet(row));
    byType.offer.forEach((row) => this.offer(row));
    // Rows with problems of their own are rejected; rows that only the file-wide checks failed are counted too.
    for (const row of rows)
      if (row.type !== null && this.problemLines.has(row.line)) this.result.tallies[row.type].rejected++;
    this.result.refreshSearch = [...this.refresh];
    this.result.problems.sort((a, b) => a.line - b.line);
    this.result.notes.sort((a, b) => a.line - b.line);
    return this.result;
  }

  private problem(line: number, field: string, message: string): void {
    this.result.problems.push({ line, field, message });
    this.problemLines.add(line);
  }

  private note(line: number, field: string, message: string): void {
    this.result.notes.push({ line, field, message });
  }

  private count(type: RecordType, line: number, outcome: 'create' | 'update' | 'unchanged'): void {
    // A row with a problem is counted as rejected at the end.
    if (!this.problemLines.has(line)) this.result.tallies[type][outcome]++;
  }

  private audit(type: 'partner' | 'outlet' | 'offer', id: string, line: number, summary: object): void {
    this.result.audit.push({
      action: `${type}.import`,
      entityType: type,
      entityId: id,
      summary: { file: this.context.file, line, ...summary },
    });
  }

  /** The partner's state after the import: its row in the file if valid, else what is stored. */
  private partnerOf(taxNumber: string): PartnerState | null {
    const planned = this.partners.get(taxNumber);
    if (planned) return planned;
    const stored = this.stored.partners.get(taxNumber);
    if (!stored) return null;
    const state = { id: stored.id, name: stored.name, categoryId: stored.categoryId, status: stored.status };
    this.partners.set(taxNumber, state);
    return state;
  }

  /** A row naming a partner that is neither in the file nor stored is an error. */
  private knownPartner(row: OutletRow | OfferRow): PartnerState | null {
    const partner = this.partnerOf(row.taxNumber!);
    if (!partner && !this.partnerLines.has(row.taxNumber!))
      this.problem(
        row.line,
        'tax_number',
        `no partner ${row.taxNumber} in this file or in programme ${this.context.programme.code}: ` +
          'add a partner row for it',
      );
    return partner;
  }

  /** Whether the row repeats one seen before; reports it on this (the later) row. */
  private repeated(
    lines: Map<string, number>,
    id: string,
    row: ImportRow,
    field: string,
    what: string,
  ): boolean {
    const first = lines.get(id);
    if (first === undefined) {
      lines.set(id, row.line);
      return false;
    }
    this.problem(row.line, field, `${what} appears again in this file (first on line ${first})`);
    return true;
  }

  // -------------------------------------------------------------------------------------------------------------

  private partner(row: PartnerRow): void {
    if (!row.taxNumber) return;
    if (this.repeated(this.partnerLines, row.taxNumber, row, 'tax_number', `partner ${row.taxNumber}`))
      return;
    const stored = this.stored.partners.get(row.taxNumber);
    if (!row.values) {
      if (stored) this.partnerOf(row.taxNumber);
      return;
    }
    const { status, ...profile } = row.values;
    const { now } = this.context;
    if (!stored) {
      const partner = {
        id: timeOrderedUuid(),
        programmeId: this.context.programme.id,
        taxNumber: row.taxNumber,
        ...profile,
        status,
        statusReason: null,
        // Imported partners come from the programme's own list: the current agreement, accepted now.
        agreementVersion: this.context.programme.partnerAgreementVersion,
        agreementAcceptedAt: now,
        approvedAt: status === 'approved' ? now : null,
        logoType: null,
        logoHash: null,
        createdAt: now,
        updatedAt: now,
      } satisfies PartnerEntity;
      this.result.partners.create.push(partner);
      this.partners.set(row.taxNumber, {
        id: partner.id,
        name: profile.name,
        categoryId: profile.categoryId,
        status,
      });
      this.audit('partner', partner.id, row.line, {
        operation: 'create',
        name: partner.name,
        taxNumber: partner.taxNumber,
        category: this.context.categorySlugs.get(partner.categoryId),
        status,
        agreementVersion: partner.agreementVersion,
      });
      this.count('partner', row.line, 'create');
      return;
    }
    const set: Partial<PartnerEntity> = { ...profile };
    const changed = changes(stored, set, ['searchName']);
    // Approving is the one step the file takes: the programme's own list vouches for a pending partner.
    let finalStatus = stored.status;
    if (status === 'approved' && stored.status === 'pending') {
      finalStatus = 'approved';
      Object.assign(set, { status: 'approved', statusReason: null, approvedAt: stored.approvedAt ?? now });
      changed.status = { from: stored.status, to: 'approved' };
    } else if (status !== stored.status)
      this.note(
        row.line,
        'status',
        `partner ${row.taxNumber} stays ${stored.status}: the import approves pending partners only; ` +
          'other decisions are taken in the API',
      );
    this.partners.set(row.taxNumber, {
      id: stored.id,
      name: profile.name,
      categoryId: profile.categoryId,
      status: finalStatus,
    });
    if (Object.keys(changed).length === 0) {
      this.count('partner', row.line, 'unchanged');
      return;
    }
    if (changed.name) this.refresh.add(stored.id);
    this.result.partners.update.push({ id: stored.id, line: row.line, set });
    this.audit('partner', stored.id, row.line, { operation: 'update', changes: changed });
    this.count('partner', row.line, 'update');
  }

  // -------------------------------------------------------------------------------------------------------------

  private outletsOf(taxNumber: string, partnerId: string | null): Map<string, OutletState> {
    let outlets = this.outlets.get(taxNumber);
    if (!outlets) {
      outlets = new Map();
      for (const [ref, o] of this.stored.outlets.get(partnerId ?? '') ?? [])
        outlets.set(ref, { id: o.id, kind: o.kind, city: o.city });
      this.outlets.set(taxNumber, outlets);
    }
    return outlets;
  }

  private outlet(row: OutletRow): void {
    if (!row.taxNumber) return;
    const partner = this.knownPartner(row);
    if (!row.ref) return;
    if (
      this.repeated(
        this.outletLines,
        key(row.taxNumber, row.ref),
        row,
        'ref',
        `outlet ${row.ref} of this partner`,
      )
    )
      return;
    const outlets = this.outletsOf(row.taxNumber, partner?.id ?? null);
    const stored = partner?.id ? this.stored.outlets.get(partner.id)?.get(row.ref) : undefined;
    if (!row.values) {
      // Named all the same, so an offer naming it is not reported as well.
      if (!outlets.has(row.ref)) outlets.set(row.ref, { id: null, kind: 'place', city: null });
      return;
    }
    const values = row.values;
    if (!stored) {
      const outlet = {
        id: timeOrderedUuid(),
        partnerId: partner?.id ?? '',
        ...values,
        createdAt: this.context.now,
        updatedAt: this.context.now,
      } satisfies OutletEntity;
      outlets.set(row.ref, { id: outlet.id, kind: outlet.kind, city: outlet.city });
      if (!partner?.id) return; // its partner has a problem: the file fails anyway
      this.result.outlets.create.push(outlet);
      this.audit('outlet', outlet.id, row.line, {
        operation: 'create',
        partnerId: outlet.partnerId,
        ref: outlet.ref,
        kind: outlet.kind,
        name: outlet.name,
        city: outlet.city,
      });
      this.count('outlet', row.line, 'create');
      return;
    }
    if (values.kind !== stored.kind) {
      // As the API: a place does not become a shop; a new outlet gets a new ref.
      this.problem(
        row.line,
        'kind',
        `outlet ${row.ref} is stored as ${stored.kind}; the kind of an outlet cannot change: give the ${values.kind} another ref`,
      );
      return;
    }
    outlets.set(row.ref, { id: stored.id, kind: values.kind, city: values.city });
    const changed = changes(stored, values, ['searchText']);
    if (Object.keys(changed).length === 0) {
      this.count('outlet', row.line, 'unchanged');
      return;
    }
    if (changed.city) this.refresh.add(stored.partnerId);
    this.result.outlets.update.push({ id: stored.id, line: row.line, set: { ...values } });
    this.audit('outlet', stored.id, row.line, {
      operation: 'update',
      partnerId: stored.partnerId,
      ref: stored.ref,
      changes: changed,
    });
    this.count('outlet', row.line, 'update');
  }

  // -------------------------------------------------------------------------------------------------------------

  private windowsOf(schedule: OfferSchedule): WindowColumns {
    const id = JSON.stringify(canonical(schedule));
    let windows = this.windows.get(id);
    if (!windows) {
      windows = windowColumns(schedule, this.context.now, this.context.programme.timeZone);
      this.windows.set(id, windows);
    }
    return { ...windows };
  }

  /**
   * derivedColumns (src/offers/offer-input.ts) piece by piece, with the window worked out once per schedule:
   * each window takes a few dozen time-zone conversions, which made them nine tenths of a national import.
   */
  private derived(
    input: Pick<OfferInput, 'texts' | 'benefit' | 'schedule'>,
    partnerName: string,
    outlets: { kind: OutletKind; city: string | null }[],
  ): DerivedColumns {
    return {
      ...searchColumns(input.texts, partnerName, outlets),
      benefitType: input.benefit.type,
      kind: input.schedule.kind,
      ...this.windowsOf(input.schedule),
    };
  }

  private offer(row: OfferRow): void {
    if (!row.taxNumber) return;
    const partner = this.knownPartner(row);
    if (!row.ref) return;
    if (
      this.repeated(
        this.offerLines,
        key(row.taxNumber, row.ref),
        row,
        'ref',
        `offer ${row.ref} of this partner`,
      )
    )
      return;
    const outlets = this.outletsOf(row.taxNumber, partner?.id ?? null);
    const named = !row.outlets ? [] : row.outlets.all ? [...outlets.keys()] : row.outlets.refs;
    // Checked whenever the partner is known, so a row with other problems gets these reported too.
    if (partner || this.partnerLines.has(row.taxNumber)) {
      const unknown = named.filter((ref) => !outlets.has(ref));
      if (row.outlets?.all && named.length === 0)
        this.problem(row.line, 'outlets', 'the partner has no outlets in this file or the database');
      else if (unknown.length)
        this.problem(
          row.line,
          'outlets',
          `no outlet ${unknown.join(', ')} of partner ${row.taxNumber} in this file or the database`,
        );
      else if (named.length > 500)
        this.problem(row.line, 'outlets', `names ${named.length} outlets; an offer holds at most 500`);
    }
    if (!row.values || !partner) return;
    const values = row.values;
    const chosen = named.flatMap((ref) => (outlets.has(ref) ? [outlets.get(ref)!] : []));
    if (!partner.id || this.problemLines.has(row.line) || chosen.some((o) => o.id === null)) return;
    const outletIds = chosen.map((o) => o.id!).sort();

    const { now } = this.context;
    const texts = cleanTexts(values.input.texts);
    const input = { ...values.input, texts };
    const categoryId = values.categoryId ?? partner.categoryId;
    const derived = this.derived(input, partner.name, chosen);
    const stored = this.stored.offers.get(partner.id)?.get(row.ref);
    const publish = (from: string) => {
      if (partner.status === 'approved') return true;
      this.problem(
        row.line,
        'status',
        `offer ${row.ref} cannot be ${from === 'new' ? 'published' : `published (it is ${from})`} while ` +
          `partner ${row.taxNumber} is ${partner.status}: import it as draft`,
      );
      return false;
    };

    if (!stored) {
      if (values.status === 'published' && !publish('new')) return;
      const offer = {
        id: timeOrderedUuid(),
        programmeId: this.context.programme.id,
        partnerId: partner.id,
        ref: row.ref,
        categoryId,
        status: values.status,
        statusReason: null,
        ...input,
        ...derived,
        publishedAt: values.status === 'published' ? now : null,
        createdAt: now,
        updatedAt: now,
      } satisfies OfferEntity;
      this.result.offers.create.push(offer);
      this.result.links.set(offer.id, outletIds);
      this.audit('offer', offer.id, row.line, {
        operation: 'create',
        partnerId: partner.id,
        ref: offer.ref,
        title: texts[this.context.programme.languages[0]]?.title,
        benefit: offer.benefit,
        schedule: offer.schedule,
        outlets: outletIds.length,
        status: offer.status,
      });
      this.count('offer', row.line, 'create');
      return;
    }

    const before: OfferSnapshot = canonical({
      ref: stored.ref,
      categoryId: stored.categoryId,
      texts: stored.texts,
      benefit: stored.benefit,
      schedule: stored.schedule,
      audience: stored.audience,
      minFamilySize: stored.minFamilySize,
      limits: stored.limits,
      outletIds: this.stored.offerOutlets.get(stored.id) ?? [],
    });
    const after: OfferSnapshot = canonical({ ...input, ref: row.ref, categoryId, outletIds });
    const changed = editSummary(before, after);
    const edited = Object.keys(changed).length > 0;
    // Staff edits keep the status (statusAfterEdit); an ended offer cannot be edited.
    if (edited && statusAfterEdit(stored.status, 'staff', false) === null) {
      this.note(row.line, 'ref', `offer ${row.ref} has ended; the import leaves it as it is`);
      this.count('offer', row.line, 'unchanged');
      return;
    }
    let set: Partial<OfferEntity> = {};
    if (edited) set = { ...input, ref: row.ref, categoryId, ...derived };
    const approve = values.status === 'published' && ['draft', 'pending_approval'].includes(stored.status);
    if (approve) {
      if (!publish(stored.status)) return;
      // As the approve step: published, the reason cleared, the window worked out, first publication kept.
      Object.assign(set, {
        status: 'published',
        statusReason: null,
        publishedAt: stored.publishedAt ?? now,
        ...(edited ? {} : this.windowsOf(stored.schedule)),
      });
      changed.status = { from: stored.status, to: 'published' };
    } else if (values.status !== stored.status && stored.status !== 'ended')
      this.note(
        row.line,
        'status',
        `offer ${row.ref} stays ${stored.status}: the import only publishes drafts and offers pending approval`,
      );
    if (!edited && !approve) {
      this.count('offer', row.line, 'unchanged');
      return;
    }
    this.result.offers.update.push({ id: stored.id, line: row.line, set });
    if (changed.outletIds) {
      this.result.links.set(stored.id, outletIds);
      this.result.relinked.push(stored.id);
    }
    this.audit('offer', stored.id, row.line, {
      operation: 'update',
      partnerId: partner.id,
      ref: row.ref,
      changes: changed,
    });
    this.count('offer', row.line, 'update');
  }
}
