import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/app.config';
import type { EnrolmentConfig } from '../../config/enrolment.config';
import { loadOrCreateSecret } from '../secrets/data-secret';
import { PersonalDataCipher, parseMasterKey } from './personal-data-cipher';

@Global()
@Module({
  providers: [
    {
      provide: PersonalDataCipher,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        new PersonalDataCipher(
          parseMasterKey(
            config.getOrThrow<EnrolmentConfig>('enrolment').piiKey ??
              loadOrCreateSecret(config.getOrThrow<AppConfig>('app').dataDir, 'personal-data.key'),
          ),
        ),
    },
  ],
  exports: [PersonalDataCipher],
})
export class PersonalDataModule {}
