import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app.config';
import { strictPageCsp } from './content-security-policy';

/** The Content-Security-Policy of the pages, built once from the public URL (content-security-policy.ts). */
@Injectable()
export class PageCsp {
  /** No inline script or style at all; images from this server only. */
  readonly strict: string;

  constructor(config: ConfigService) {
    this.strict = strictPageCsp(config.getOrThrow<AppConfig>('app').publicUrl);
  }
}
