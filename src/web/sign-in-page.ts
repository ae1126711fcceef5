import { Injectable } from '@nestjs/common';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { FieldErrors, formView, RegisterField, SignInField } from './page-forms';
import { PageTexts, pageTemplate } from './page-texts';
import { layoutView, LayoutMessages, siteHref } from './site-layout';

export const REGISTER_PATH = '/register';

/** The sign-in and registration pages' texts: `signin` in templates/web/messages/<language>.json. */
export interface SignInMessages extends LayoutMessages {
  signin: Record<string, string>;
}

/** What a form page shows again: what was typed (never the password) and what is wrong with it. */
export interface FormState<F extends string> {
  form: Partial<Record<F, string>>;
  errors: FieldErrors<F>;
}

export type SignInNotice = 'registered' | 'signedOut';

const SIGN_IN_FIELDS = ['email', 'password'] as const;
const REGISTER_FIELDS = ['displayName', 'email', 'password'] as const;

/** /signin and /register (templates/web/signin.html.hbs, register.html.hbs). */
@Injectable()
export class SignInPage {
  private readonly signInTemplate = pageTemplate('signin.html.hbs');
  private readonly registerTemplate = pageTemplate('register.html.hbs');
  readonly texts = new PageTexts<SignInMessages>(['layout', 'signin']);

  signIn(
    programme: ProgrammeEntity,
    language: string,
    csrf: string,
    state: FormState<SignInField> = { form: {}, errors: {} },
    notice: SignInNotice | null = null,
  ): string {
    const { lang, t, layout } = this.frame(programme, language, '/signin', 'title');
    return this.signInTemplate({
      layout,
      t,
      language: lang,
      csrf,
      notice: notice ? t[notice] : null,
      form: formView(SIGN_IN_FIELDS, { ...state.form, password: '' }, state.errors, t),
      registerHref: siteHref(REGISTER_PATH, { lang }),
    });
  }

  register(
    programme: ProgrammeEntity,
    language: string,
    csrf: string,
    state: FormState<RegisterField> = { form: {}, errors: {} },
  ): string {
    const { lang, t, layout } = this.frame(programme, language, REGISTER_PATH, 'registerTitle');
    return this.registerTemplate({
      layout,
      t,
      language: lang,
      csrf,
      form: formView(REGISTER_FIELDS, { ...state.form, password: '' }, state.errors, t, {
        displayName: true,
        password: true,
      }),
      signInHref: siteHref('/signin', { lang }),
    });
  }

  private frame(programme: ProgrammeEntity, language: string, path: string, title: string) {
    const lang = this.texts.speaks(language);
    const t = this.texts.in(lang).signin;
    const layout = layoutView(this.texts, programme, {
      language: lang,
      path,
      params: {},
      title: t[title],
      current: null,
    });
    return { lang, t, layout };
  }
}
