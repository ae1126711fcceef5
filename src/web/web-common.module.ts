import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PageCsp } from './page-csp';
import { PageCsrf } from './page-csrf';

/** What every page module needs: the pages' CSRF tokens and their Content-Security-Policy. */
@Module({
  imports: [AuthModule],
  providers: [PageCsrf, PageCsp],
  exports: [PageCsrf, PageCsp],
})
export class WebCommonModule {}
