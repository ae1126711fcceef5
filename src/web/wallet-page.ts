import { Injectable } from '@nestjs/common';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { jsonForScript, PageTexts, pageTemplate } from './page-texts';
/** The wallet's colour: the browser's bar, the installed app's splash screen and the page's header. */
export const WALLET_THEME_COLOUR = '#0f766e';
const BACKGROUND_COLOUR = '#f3f4f6';
/** Launchers show about 12 characters under an icon. */
const SHORT_NAME_LENGTH = 12;

/** The wallet's texts: `wallet` in templates/web/messages/<language>.json. */
interface WalletMessages {
  wallet: Record<string, unknown> & { title: string; languageName: string; manifestDescription: string };
}

/** The parts of a web app manifest the wallet declares (https://www.w3.org/TR/appmanifest/). */
export interface WalletManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr';
  start_url: string;
  scope: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

/**
 * The family's phone wallet (templates/web/wallet.html.hbs): a shell the scripts in public/family/ fill in
 * with the family's cards, fetched with the family's token. It holds no data of anyone, so it may be cached.
 */
@Injectable()
export class WalletPage {
  private readonly template = pageTemplate('wallet.html.hbs');
  readonly texts = new PageTexts<WalletMessages>(['wallet']);

  render(programme: ProgrammeEntity, language: string): string {
    const lang = this.texts.speaks(language);
    const t = this.texts.in(lang).wallet;
    return this.template({
      language: lang,
      programmeName: programme.name,
      themeColour: WALLET_THEME_COLOUR,
      t,
      languages: this.texts.switcher(lang, (texts) => texts.wallet.languageName),
      messagesJson: jsonForScript({ language: lang, ...t }),
    });
  }

  /**
   * The manifest that makes the wallet installable, named after the programme. It opens the wallet in the
   * language it was installed in; `id` keeps one installed app whatever that language.
   */
  manifest(programme: ProgrammeEntity, language: string): WalletManifest {
    const lang = this.texts.speaks(language);
    const t = this.texts.in(lang).wallet;
    const icon = (size: number, purpose: string) => ({
      src: `/static/family/icon-${size}.png`,
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose,
    });
    return {
      id: '/family/wallet',
      name: `${programme.name}: ${t.title}`,
      short_name: programme.name.length <= SHORT_NAME_LENGTH ? programme.name : programme.code,
      description: t.manifestDescription,
      lang,
      dir: 'ltr',
      start_url: `/family/wallet?lang=${lang}`,
      scope: '/family/',
      display: 'standalone',
      theme_color: WALLET_THEME_COLOUR,
      background_color: BACKGROUND_COLOUR,
      // The icons keep their drawing inside the central 60%, so they serve as maskable ones too.
      icons: [icon(192, 'any'), icon(512, 'any'), icon(192, 'maskable'), icon(512, 'maskable')],
    };
  }
}
