import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { PersonalDataCipher, parseMasterKey } from '../../common/personal-data/personal-data-cipher';
import { ProblemException } from '../../common/problem/problem.exception';
import { loadOrCreateSecret } from '../../common/secrets/data-secret';
import type { AppConfig } from '../../config/app.config';
import type { CardsConfig } from '../../config/cards.config';
import { TransactionService } from '../../database/transaction.service';
import { CardEntity } from '../card.entity';
import { LIVE_STATUSES } from '../card-status';
import { Verification, verifyQrTextAsync } from '../token/card-token';
import { SigningKey, kidOf, kidText } from '../token/ed25519';
import { JwkDto, jwkOf } from './signing-key.dto';
import { SigningKeyEntity } from './signing-key.entity';

/**
 * The card-signing keys: one active signer, created on first start; rotation retires it and makes a new one
 * the signer. Private keys are kept encrypted under the key-encryption key (CARD_SIGNING_KEK or
 * DATA_DIR/secrets/card-signing.kek) and decrypted only in memory.
 */
@Injectable()
export class SigningKeysService implements OnApplicationBootstrap {
  private readonly kek: PersonalDataCipher;
  private readonly signers = new Map<string, SigningKey>();
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    config: ConfigService,
  ) {
    const raw =
      config.getOrThrow<CardsConfig>('cards').signingKek ??
      loadOrCreateSecret(config.getOrThrow<AppConfig>('app').dataDir, 'card-signing.kek');
    this.kek = new PersonalDataCipher(parseMasterKey(raw));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.active();
  }

  /** The active key, created when there is none yet (first start; several instances may race to it). */
  async active(em: EntityManager = this.dataSource.manager): Promise<SigningKeyEntity> {
    const found = await em.findOneBy(SigningKeyEntity, { status: 'active' });
    if (found) return found;
    try {
      return await this.tx.run((inner) => this.create(inner));
    } catch (error) {
      // Another instance inserted its key first: the unique index on the active key let only one through.
      const winner = await this.dataSource.manager.findOneBy(SigningKeyEntity, { status: 'active' });
      if (winner) return winner;
      throw error;
    }
  }

  /** Makes a new key the signer; the old one stays published while cards it signed are live. */
  async rotate(actor: Actor, note?: string): Promise<SigningKeyEntity> {
    return this.tx.run(async (em) => {
      const current = await this.active(em);
      const retired = await em.update(
        SigningKeyEntity,
        { id: current.id, status: 'active' },
        { status: 'retired', retiredAt: new Date() },
      );
      if (!retired.affected)
        throw ProblemException.conflict('key-rotated-meanwhile', 'The keys were rotated meanwhile');
      const next = await this.create(em);
      await this.audit.record(em, actor, {
        action: 'signing_key.rotate',
        entityType: 'signing_key',
        entityId: next.id,
        summary: { retired: current.id, active: next.id, ...(note ? { note } : {}) },
      });
      return next;
    });
  }

  async list(): Promise<{ key: SigningKeyEntity; liveCards: number }[]> {
    const keys = await this.dataSource.manager.find(SigningKeyEntity, { order: { createdAt: 'DESC' } });
    return Promise.all(
      keys.map(async (key) => ({
        key,
        liveCards: await this.dataSource.manager.countBy(CardEntity, {
          signingKeyId: key.id,
          status: In([...LIVE_STATUSES]),
        }),
      })),
    );
  }

  /** The JWKS: the active key and every retired key that still signs a live card. */
  async published(): Promise<JwkDto[]> {
    const keys = await this.dataSource.manager.find(SigningKeyEntity, { order: { createdAt: 'DESC' } });
    const shown: SigningKeyEntity[] = [];
    for (const key of keys) {
      const signsLiveCards =
        key.status === 'active' ||
        (await this.dataSource.manager.exists(CardEntity, {
          where: { signingKeyId: key.id, status: In([...LIVE_STATUSES]) },
        }));
      if (signsLiveCards) shown.push(key);
    }
    return shown.map(jwkOf);
  }

  /** The signer of a key, active or retired (a card keeps its key until it is signed again). */
  async signer(kid: string, em: EntityManager = this.dataSource.manager): Promise<SigningKey> {
    const cached = this.signers.get(kid);
    if (cached) return cached;
    const key = await em.findOneByOrFail(SigningKeyEntity, { id: kid });
    const der = Buffer.from(this.kek.decrypt(key.privateKeyCipher, contextOf(kid)), 'base64');
    const signer = {
      kid: Buffer.from(kid, 'base64url'),
      privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }),
    };
    this.signers.set(kid, signer);
    return signer;
  }

  /**
   * Verifies a scanned QR text against the keys the programme has had. Public keys stay cached, so a check
   * reads the database only for a kid this process has not seen yet (say, a key another instance rotated in).
   */
  async verifyQr(text: string): Promise<Verification> {
    const seen: { kid: string | null } = { kid: null };
    const first = await verifyQrTextAsync(
      text,
      (kid) => this.publicKeys.get(kid) ?? ((seen.kid = kid), null),
    );
    if (first.status !== 'unknown_key' || !seen.kid || !(await this.publicKey(seen.kid))) return first;
    return verifyQrTextAsync(text, (kid) => this.publicKeys.get(kid) ?? null);
  }

  /** For verifiers in this process: the public key of a kid, or null when no such key exists. */
  async publicKey(kid: string): Promise<KeyObject | null> {
    const cached = this.publicKeys.get(kid);
    if (cached) return cached;
    const key = await this.dataSource.manager.findOneBy(SigningKeyEntity, { id: kid });
    if (!key) return null;
    const object = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' });
    this.publicKeys.set(kid, object);
    return object;
  }

  private async create(em: EntityManager): Promise<SigningKeyEntity> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const kid = kidText(kidOf(raw));
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    return em.save(
      em.create(SigningKeyEntity, {
        id: kid,
        publicKey: raw.toString('base64url'),
        privateKeyCipher: this.kek.encrypt(der, contextOf(kid)),
        status: 'active',
        retiredAt: null,
      }),
    );
  }
}

/** Bound as associated data: a ciphertext cannot be passed off as another key's. */
const contextOf = (kid: string) => `signing-key:${kid}`;
