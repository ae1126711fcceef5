import { MigrationInterface, QueryRunner } from 'typeorm';

export class Validations1795455896589 implements MigrationInterface {
  name = 'Validations1795455896589';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "validations" (
                "id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "partner_id" uuid NOT NULL,
                "outlet_id" uuid,
                "card_id" uuid,
                "result" character varying(20) NOT NULL,
                "method" character varying(8) NOT NULL,
                "actor_type" character varying(8) NOT NULL,
                "actor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_d523bd8c24ea354126be8cff546" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_validations_created" ON "validations" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_validations_card" ON "validations" ("card_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_validations_partner" ON "validations" ("partner_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "validation_flags" (
                "id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "partner_id" uuid NOT NULL,
                "actor_type" character varying(8) NOT NULL,
                "actor_id" uuid,
                "ip" character varying(64),
                "bad_count" integer NOT NULL,
                "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolved_by" character varying(254),
                "resolution" character varying(500),
                CONSTRAINT "PK_9f3435c9018b9ee3b47ad4d4331" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_validation_flags_actor" ON "validation_flags" ("actor_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_validation_flags_open" ON "validation_flags" ("resolved_at", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "redemptions" (
                "id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "partner_id" uuid NOT NULL,
                "outlet_id" uuid,
                "offer_id" uuid NOT NULL,
                "card_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "validation_id" uuid NOT NULL,
                "idempotency_key" character varying(100) NOT NULL,
                "status" character varying(12) NOT NULL,
                "actor_type" character varying(8) NOT NULL,
                "actor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_def143ab94376fea5985bb04219" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_redemptions_partner" ON "redemptions" ("partner_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_redemptions_family_offer" ON "redemptions" ("family_id", "offer_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_redemptions_card_offer" ON "redemptions" ("card_id", "offer_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_redemptions_idempotency" ON "redemptions" ("partner_id", "idempotency_key")
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD "validation_retention_days" integer NOT NULL DEFAULT 365
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" ALTER COLUMN "validation_retention_days" DROP DEFAULT
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD "redemption_cancel_minutes" integer NOT NULL DEFAULT 15
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" ALTER COLUMN "redemption_cancel_minutes" DROP DEFAULT
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_card_events_at" ON "card_events" ("created_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_card_events_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP COLUMN "redemption_cancel_minutes"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP COLUMN "validation_retention_days"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_redemptions_idempotency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_redemptions_card_offer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_redemptions_family_offer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_redemptions_partner"
        `);
    await queryRunner.query(`
            DROP TABLE "redemptions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_validation_flags_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_validation_flags_actor"
        `);
    await queryRunner.query(`
            DROP TABLE "validation_flags"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_validations_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_validations_card"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_validations_created"
        `);
    await queryRunner.query(`
            DROP TABLE "validations"
        `);
  }
}
