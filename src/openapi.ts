import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDto } from './common/problem/problem.dto';

/** OpenAPI document at /api/docs-json and a UI at /api/docs, served from local files (works offline). */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('family-card API')
    .setDescription(
      'Large-family benefit card programme. Errors are RFC 9457 problem+json (see ProblemDto). ' +
        'Staff, merchants and families sign in at /api/v1/auth/login and send `Authorization: Bearer <accessToken>`; ' +
        'integrations send an API key as `X-API-Key` (or as the bearer token). Web pages sign in at ' +
        '/api/v1/auth/session into an HttpOnly cookie instead; every change made with the cookie carries the ' +
        "session's CSRF token as `X-CSRF-Token` (or a `_csrf` form field).",
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .addCookieAuth('fc_session', { type: 'apiKey', in: 'cookie', name: 'fc_session' }, 'session-cookie')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'family-card API',
  });
}
