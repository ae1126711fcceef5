import { MigrationInterface, QueryRunner } from 'typeorm';

export class Validations1795455896589 implements MigrationInterface {
  name = 'Validations1795455896589';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "validations" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "partner_id" varchar NOT NULL,
                "outlet_id" varchar,
                "card_id" varchar,
                "result" varchar(20) NOT NULL,
                "method" varchar(8) NOT NULL,
                "actor_type" varchar(8) NOT NULL,
                "actor_id" varchar,
                "created_at" datetime NOT NULL
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
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "partner_id" varchar NOT NULL,
                "actor_type" varchar(8) NOT NULL,
                "actor_id" varchar,
                "ip" varchar(64),
                "bad_count" integer NOT NULL,
                "window_start" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                "resolved_at" datetime,
                "resolved_by" varchar(254),
                "resolution" varchar(500)
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
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "partner_id" varchar NOT NULL,
                "outlet_id" varchar,
                "offer_id" varchar NOT NULL,
                "card_id" varchar NOT NULL,
                "family_id" varchar NOT NULL,
                "validation_id" varchar NOT NULL,
                "idempotency_key" varchar(100) NOT NULL,
                "status" varchar(12) NOT NULL,
                "actor_type" varchar(8) NOT NULL,
                "actor_id" varchar,
                "created_at" datetime NOT NULL,
                "cancelled_at" datetime
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
            DROP INDEX "uq_programmes_code"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_programmes_card_prefix"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_programmes" (
                "id" varchar PRIMARY KEY NOT NULL,
                "code" varchar(16) NOT NULL,
                "name" varchar(200) NOT NULL,
                "languages" text NOT NULL,
                "time_zone" varchar(64) NOT NULL,
                "national_id_format" varchar(16) NOT NULL,
                "min_children" integer NOT NULL,
                "child_age_limit" integer NOT NULL,
                "education_age_limit" integer NOT NULL,
                "education_end_rule" varchar(24) NOT NULL,
                "parent_validity" varchar(24) NOT NULL,
                "former_large_family_parents_qualify" boolean NOT NULL,
                "residency" text NOT NULL,
                "decision_deadline_days" integer NOT NULL,
                "reminder_lead_days" integer NOT NULL,
                "retention_months" integer NOT NULL,
                "duplicate_card_fee" integer NOT NULL,
                "currency" varchar(3) NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                "card_prefix" varchar(6) NOT NULL,
                "tax_number_format" varchar(16) NOT NULL,
                "partner_agreement_version" varchar(32) NOT NULL,
                "offer_edits_need_approval" boolean NOT NULL,
                "validation_retention_days" integer NOT NULL,
                "redemption_cancel_minutes" integer NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_programmes"(
                    "id",
                    "code",
                    "name",
                    "languages",
                    "time_zone",
                    "national_id_format",
                    "min_children",
                    "child_age_limit",
                    "education_age_limit",
                    "education_end_rule",
                    "parent_validity",
                    "former_large_family_parents_qualify",
                    "residency",
                    "decision_deadline_days",
                    "reminder_lead_days",
                    "retention_months",
                    "duplicate_card_fee",
                    "currency",
                    "created_at",
                    "updated_at",
                    "card_prefix",
                    "tax_number_format",
                    "partner_agreement_version",
                    "offer_edits_need_approval",
                    "validation_retention_days",
                    "redemption_cancel_minutes"
                )
            SELECT "id",
                "code",
                "name",
                "languages",
                "time_zone",
                "national_id_format",
                "min_children",
                "child_age_limit",
                "education_age_limit",
                "education_end_rule",
                "parent_validity",
                "former_large_family_parents_qualify",
                "residency",
                "decision_deadline_days",
                "reminder_lead_days",
                "retention_months",
                "duplicate_card_fee",
                "currency",
                "created_at",
                "updated_at",
                "card_prefix",
                "tax_number_format",
                "partner_agreement_version",
                "offer_edits_need_approval",
                365,
                15
            FROM "programmes"
        `);
    await queryRunner.query(`
            DROP TABLE "programmes"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_programmes"
                RENAME TO "programmes"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_code" ON "programmes" ("code")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_card_prefix" ON "programmes" ("card_prefix")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_card_events_at" ON "card_events" ("created_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "ix_card_events_at"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_programmes_card_prefix"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_programmes_code"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
                RENAME TO "temporary_programmes"
        `);
    await queryRunner.query(`
            CREATE TABLE "programmes" (
                "id" varchar PRIMARY KEY NOT NULL,
                "code" varchar(16) NOT NULL,
                "name" varchar(200) NOT NULL,
                "languages" text NOT NULL,
                "time_zone" varchar(64) NOT NULL,
                "national_id_format" varchar(16) NOT NULL,
                "min_children" integer NOT NULL,
                "child_age_limit" integer NOT NULL,
                "education_age_limit" integer NOT NULL,
                "education_end_rule" varchar(24) NOT NULL,
                "parent_validity" varchar(24) NOT NULL,
                "former_large_family_parents_qualify" boolean NOT NULL,
                "residency" text NOT NULL,
                "decision_deadline_days" integer NOT NULL,
                "reminder_lead_days" integer NOT NULL,
                "retention_months" integer NOT NULL,
                "duplicate_card_fee" integer NOT NULL,
                "currency" varchar(3) NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                "card_prefix" varchar(6) NOT NULL,
                "tax_number_format" varchar(16) NOT NULL,
                "partner_agreement_version" varchar(32) NOT NULL,
                "offer_edits_need_approval" boolean NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "programmes"(
                    "id",
                    "code",
                    "name",
                    "languages",
                    "time_zone",
                    "national_id_format",
                    "min_children",
                    "child_age_limit",
                    "education_age_limit",
                    "education_end_rule",
                    "parent_validity",
                    "former_large_family_parents_qualify",
                    "residency",
                    "decision_deadline_days",
                    "reminder_lead_days",
                    "retention_months",
                    "duplicate_card_fee",
                    "currency",
                    "created_at",
                    "updated_at",
                    "card_prefix",
                    "tax_number_format",
                    "partner_agreement_version",
                    "offer_edits_need_approval"
                )
            SELECT "id",
                "code",
                "name",
                "languages",
                "time_zone",
                "national_id_format",
                "min_children",
                "child_age_limit",
                "education_age_limit",
                "education_end_rule",
                "parent_validity",
                "former_large_family_parents_qualify",
                "residency",
                "decision_deadline_days",
                "reminder_lead_days",
                "retention_months",
                "duplicate_card_fee",
                "currency",
                "created_at",
                "updated_at",
                "card_prefix",
                "tax_number_format",
                "partner_agreement_version",
                "offer_edits_need_approval"
            FROM "temporary_programmes"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_programmes"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_card_prefix" ON "programmes" ("card_prefix")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_code" ON "programmes" ("code")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_redemptions_idempotency"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_redemptions_card_offer"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_redemptions_family_offer"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_redemptions_partner"
        `);
    await queryRunner.query(`
            DROP TABLE "redemptions"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_validation_flags_open"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_validation_flags_actor"
        `);
    await queryRunner.query(`
            DROP TABLE "validation_flags"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_validations_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_validations_card"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_validations_created"
        `);
    await queryRunner.query(`
            DROP TABLE "validations"
        `);
  }
}
