import { Injectable } from '@nestjs/common';
import { STAFF_ROLES } from '../../../auth/roles';
import type { UserEntity } from '../../../users/user.entity';
import type { ConsolePageState } from '../console-nav';
import { fill, longDate } from '../../page-format';
import { formView } from '../../page-forms';
import { pageTemplate } from '../../page-texts';
import { siteHref } from '../../site-layout';
import { ConsoleAdminPage } from './console-admin-page';
import { NEW_USER_FIELDS, NewUserField, UserActionField } from './console-users-form';
import { LISTED_KINDS, LISTED_ROLES, USER_STATUSES } from './dto/console-users-query.dto';

type T = Record<string, string> & Record<'roles' | 'kinds' | 'statuses' | 'notices', Record<string, string>>;

export interface UsersFilters {
  kind: string;
  role: string;
  status: string;
}

export interface UsersListState extends ConsolePageState {
  filters: UsersFilters;
  items: UserEntity[];
  total: number;
  offset: number;
  limit: number;
  canEdit: boolean;
}

export interface UserState extends ConsolePageState {
  user: UserEntity;
  canEdit: boolean;
  notice: string | null;
  /** A refused change: which form, its field errors (message keys). */
  refused?: { errors: Partial<Record<UserActionField, string>>; role?: string };
}

export interface NewUserState extends ConsolePageState {
  form: Partial<Record<NewUserField, string>>;
  errors: Partial<Record<NewUserField, string>>;
}

export interface CreatedState extends ConsolePageState {
  user: UserEntity;
  password: string;
}

/** The status an account shows: disabled, locked (after failed sign-ins) or active. */
export const accountStatus = (u: UserEntity, now = new Date()): 'disabled' | 'locked' | 'active' =>
  u.disabled ? 'disabled' : u.lockedUntil && u.lockedUntil > now ? 'locked' : 'active';

/** /console/users, one account at /console/users/{id}, and the new staff account form and its result. */
@Injectable()
export class ConsoleUsersPage {
  private readonly listTemplate = pageTemplate('console-users.html.hbs');
  private readonly userTemplate = pageTemplate('console-users-account.html.hbs');
  private readonly newTemplate = pageTemplate('console-users-new.html.hbs');
  private readonly createdTemplate = pageTemplate('console-users-created.html.hbs');

  constructor(private readonly kit: ConsoleAdminPage) {}

  get texts() {
    return this.kit.texts;
  }

  private t(s: ConsolePageState): T {
    return this.kit.texts.in(this.kit.language(s)).consoleUsers as unknown as T;
  }

  list(s: UsersListState): string {
    const lang = this.kit.language(s);
    const t = this.t(s);
    const params = Object.fromEntries(Object.entries(s.filters).filter(([, v]) => v)) as Record<
      string,
      string
    >;
    const page = (offset: number) => siteHref('/console/users', { ...params, offset: offset || null, lang });
    const options = (values: readonly string[], names: Record<string, string>, current: string) =>
      values.map((value) => ({ value, label: names[value] ?? value, selected: value === current }));
    return this.listTemplate({
      ...this.kit.common(s, { section: 'users', path: '/console/users', params, title: t.title }),
      t,
      kinds: options(LISTED_KINDS, t.kinds, s.filters.kind),
      roles: options(LISTED_ROLES, t.roles, s.filters.role),
      statuses: options(USER_STATUSES, t.statuses, s.filters.status),
      newHref: s.canEdit ? siteHref('/console/users/new', { lang }) : null,
      summary: fill(t.summary, { shown: s.items.length, total: s.total }),
      items: s.items.map((u) => ({
        href: siteHref(`/console/users/${u.id}`, { lang }),
        name: u.displayName,
        email: u.email,
        role: t.roles[u.role] ?? u.role,
        status: t.statuses[accountStatus(u)],
        lastLogin: u.lastLoginAt ? longDate(u.lastLoginAt, lang, s.programme.timeZone) : t.never,
      })),
      previousHref: s.offset > 0 ? page(Math.max(0, s.offset - s.limit)) : null,
      nextHref: s.offset + s.items.length < s.total ? page(s.offset + s.limit) : null,
    });
  }

  account(s: UserState): string {
    const lang = this.kit.language(s);
    const t = this.t(s);
    const { user } = s;
    const status = accountStatus(user);
    const errors = s.refused?.errors ?? {};
    const message = (key?: string) => (key ? (t[key] ?? key) : null);
    return this.userTemplate({
      ...this.kit.common(s, { section: 'users', path: `/console/users/${user.id}`, title: user.displayName }),
      t,
      backHref: siteHref('/console/users', { lang }),
      notice: s.notice ? t.notices[s.notice] : null,
      name: user.displayName,
      email: user.email,
      kind: t.kinds[user.kind] ?? user.kind,
      role: t.roles[user.role] ?? user.role,
      status: t.statuses[status],
      lockedUntil: status === 'locked' ? longDate(user.lockedUntil!, lang, s.programme.timeZone) : null,
      lastLogin: user.lastLoginAt ? longDate(user.lastLoginAt, lang, s.programme.timeZone) : t.never,
      created: longDate(user.createdAt, lang, s.programme.timeZone),
      action: `/console/users/${user.id}`,
      actionError: message(errors.action),
      forms: s.canEdit
        ? {
            role:
              user.kind === 'staff'
                ? {
                    error: message(errors.role),
                    options: STAFF_ROLES.map((value) => ({
                      value,
                      label: t.roles[value],
                      selected: value === (s.refused?.role ?? user.role),
                    })),
                  }
                : null,
            disable: !user.disabled,
            enable: user.disabled,
            unlock: status === 'locked',
          }
        : null,
    });
  }

  newForm(s: NewUserState): string {
    const lang = this.kit.language(s);
    const t = this.t(s);
    const view = formView(NEW_USER_FIELDS, s.form, s.errors, t, { email: true });
    return this.newTemplate({
      ...this.kit.common(s, { section: 'users', path: '/console/users/new', title: t.newTitle }),
      t,
      backHref: siteHref('/console/users', { lang }),
      form: view,
      roles: STAFF_ROLES.map((value) => ({ value, label: t.roles[value], selected: value === s.form.role })),
    });
  }

  created(s: CreatedState): string {
    const lang = this.kit.language(s);
    const t = this.t(s);
    return this.createdTemplate({
      ...this.kit.common(s, { section: 'users', path: '/console/users/new', title: t.createdTitle }),
      t,
      intro: fill(t.createdIntro, { name: s.user.displayName, email: s.user.email }),
      password: s.password,
      accountHref: siteHref(`/console/users/${s.user.id}`, { lang }),
      listHref: siteHref('/console/users', { lang }),
    });
  }
}
