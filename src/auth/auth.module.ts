import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { loadOrCreateSecret } from '../common/secrets/data-secret';
import type { AppConfig } from '../config/app.config';
import type { AuthConfig } from '../config/auth.config';
import { UserEntity } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionEntity } from './session.entity';
import { SessionsPurgeJob } from './sessions-purge.job';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, SessionEntity]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        // A KeyObject, not the text: given text, jsonwebtoken first tries to read it as a PEM public key on every
        // sign and verify, and that failed attempt (an OpenSSL decode and a thrown error) was most of the cost of
        // a signed-in request (GET /api/v1/auth/me; bench/http-stack.bench.ts).
        secret: createSecretKey(
          Buffer.from(
            config.getOrThrow<AuthConfig>('auth').jwtSecret ??
              loadOrCreateSecret(config.getOrThrow<AppConfig>('app').dataDir, 'jwt-secret'),
          ),
        ),
        signOptions: { algorithm: 'HS256', issuer: 'family-card' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'family-card' },
      }),
    }),
    UsersModule,
    ApiKeysModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, TokensService, SessionsPurgeJob, { provide: APP_GUARD, useClass: AuthGuard }],
  // The sign-in pages (src/web) start sessions and issue CSRF tokens as the API does.
  exports: [AuthService, TokensService],
})
export class AuthModule {}
