import { ApiKeyEntity } from '../api-key.entity';

export class ApiKeyDto {
  id: string;
  name: string;
  /** Public part of the key, to tell keys apart. */
  prefix: string;
  scopes: string[];
  partnerId: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  /** The whole key. Shown this once: store it now. */
  key: string;
}

export function mapApiKey(k: ApiKeyEntity): ApiKeyDto {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    partnerId: k.partnerId,
    expiresAt: k.expiresAt,
    revokedAt: k.revokedAt,
    lastUsedAt: k.lastUsedAt,
    createdAt: k.createdAt,
  };
}
