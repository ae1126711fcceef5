import { Injectable } from '@nestjs/common';
import type { ConsolePageState } from '../console-nav';
import { brandingOf } from '../../branding';
import { pageTemplate } from '../../page-texts';
import { siteHref } from '../../site-layout';
import { ConsoleAdminPage } from './console-admin-page';
import { SETTING_GROUPS, SettingsErrors, SettingsForm } from './console-settings-form';

type FieldTexts = { label: string; help: string; invalid: string };
type T = Record<string, string> & {
  groups: Record<string, string>;
  fields: Record<string, FieldTexts>;
  options: Record<string, string>;
  notices: Record<string, string>;
};

export interface SettingsState extends ConsolePageState {
  form: SettingsForm;
  errors: SettingsErrors;
  canEdit: boolean;
  notice: string | null;
  /** The logo form's error (a message key), when an upload was refused. */
  logoError?: string | null;
}

/**
 * /console/settings: every programme setting the API exposes, grouped, each with its label and help; an
 * admin edits them in one form (and the logo in its own upload form), an auditor reads them.
 */
@Injectable()
export class ConsoleSettingsPage {
  private readonly template = pageTemplate('console-settings.html.hbs');

  constructor(private readonly kit: ConsoleAdminPage) {}

  get texts() {
    return this.kit.texts;
  }

  render(s: SettingsState): string {
    const lang = this.kit.language(s);
    const t = this.kit.texts.in(lang).consoleSettings as unknown as T;
    const message = (key: string | undefined, name: string) =>
      !key ? null : key.startsWith('invalid.') ? t.fields[name].invalid : (t[key] ?? key);
    const errors = Object.entries(s.errors).map(([name, key]) => ({
      field: name,
      message: `${t.fields[name]?.label ?? name}: ${message(key, name)}`,
    }));
    const branding = brandingOf(s.programme);
    return this.template({
      ...this.kit.common(s, { section: 'settings', path: '/console/settings', title: t.title }),
      t,
      notice: s.notice ? t.notices[s.notice] : null,
      canEdit: s.canEdit,
      form: { errors },
      groups: SETTING_GROUPS.map(({ group, fields }) => ({
        id: `group-${group}`,
        legend: t.groups[group],
        fields: fields.map((f) => {
          const value = s.form[f.name] ?? '';
          const error = message(s.errors[f.name], f.name);
          const texts = t.fields[f.name];
          return {
            name: f.name,
            label: texts.label,
            help: texts.help,
            error,
            describedBy: `${f.name}-hint${error ? ` ${f.name}-error` : ''}`,
            value,
            isText: f.kind === 'text' || f.kind === 'colour',
            isNumber: f.kind === 'number',
            isList: f.kind === 'list',
            isSelect: f.kind === 'select',
            isCheckbox: f.kind === 'checkbox',
            checked: value === 'yes',
            options: (f.options ?? []).map((o) => ({
              value: o,
              label: f.translated ? (t.options[o] ?? o) : o,
              selected: o === value,
            })),
            // What an auditor reads.
            shown:
              f.kind === 'checkbox'
                ? value === 'yes'
                  ? t.yes
                  : t.no
                : f.translated
                  ? (t.options[value] ?? value)
                  : value || t.notSet,
          };
        }),
      })),
      logo: {
        url: branding.logoUrl,
        action: siteHref('/console/settings/logo', { _csrf: s.csrf, lang }),
        removeAction: '/console/settings/logo/remove',
        error: s.logoError ? t[s.logoError] : null,
      },
    });
  }
}
