import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cards1795443260671 implements MigrationInterface {
  name = 'Cards1795443260671';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "card_print_batches" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "cards" integer NOT NULL,
                "created_by" varchar(200) NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "signing_keys" (
                "id" varchar(16) PRIMARY KEY NOT NULL,
                "public_key" varchar(64) NOT NULL,
                "private_key_cipher" text NOT NULL,
                "status" varchar(16) NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "retired_at" datetime
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_signing_keys_active" ON "signing_keys" ("status")
            WHERE status = 'active'
        `);
    await queryRunner.query(`
            CREATE TABLE "cards" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "family_id" varchar NOT NULL,
                "member_id" varchar NOT NULL,
                "number" varchar(24) NOT NULL,
                "status" varchar(16) NOT NULL,
                "holder_name" varchar(201) NOT NULL,
                "search_name" varchar(201) NOT NULL,
                "role" varchar(16) NOT NULL,
                "valid_from" date NOT NULL,
                "valid_until" date,
                "signing_key_id" varchar(16) NOT NULL,
                "signed_at" datetime NOT NULL,
                "status_reason" varchar(32),
                "replaced_by_id" varchar,
                "fee_amount" integer,
                "fee_waived" boolean,
                "print_batch_id" varchar,
                "printed_at" datetime,
                "reminded_for" date,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_cards_number" ON "cards" ("number")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_created" ON "cards" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_print_queue" ON "cards" ("status", "print_batch_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_signing_key" ON "cards" ("signing_key_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_status_valid_until" ON "cards" ("status", "valid_until")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_member" ON "cards" ("member_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_family" ON "cards" ("family_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "card_events" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "card_id" varchar NOT NULL,
                "type" varchar(16) NOT NULL,
                "actor_type" varchar(16) NOT NULL,
                "actor_id" varchar(64),
                "actor_label" varchar(200),
                "reason" varchar(32),
                "details" text,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_card_events_card" ON "card_events" ("card_id", "id")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_programmes_code"
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
                "card_prefix" varchar(6) NOT NULL
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
                    "card_prefix"
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
                "code"
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
    // The code stood in for the prefix while the table was copied; now each gets its own.
    await fillCardPrefixes(queryRunner);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_card_prefix" ON "programmes" ("card_prefix")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_cards_number"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_created"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_print_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_signing_key"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_status_valid_until"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_member"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_family"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_cards" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "family_id" varchar NOT NULL,
                "member_id" varchar NOT NULL,
                "number" varchar(24) NOT NULL,
                "status" varchar(16) NOT NULL,
                "holder_name" varchar(201) NOT NULL,
                "search_name" varchar(201) NOT NULL,
                "role" varchar(16) NOT NULL,
                "valid_from" date NOT NULL,
                "valid_until" date,
                "signing_key_id" varchar(16) NOT NULL,
                "signed_at" datetime NOT NULL,
                "status_reason" varchar(32),
                "replaced_by_id" varchar,
                "fee_amount" integer,
                "fee_waived" boolean,
                "print_batch_id" varchar,
                "printed_at" datetime,
                "reminded_for" date,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_16a54ef1ae63b5b4d2265694617" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_21e8f45d52cce3ac81e9e9b1e95" FOREIGN KEY ("family_id") REFERENCES "families" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_d13641d7d995baded296fdd6dee" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_e3aa490ab61be8205fa22f4e1db" FOREIGN KEY ("signing_key_id") REFERENCES "signing_keys" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_cards"(
                    "id",
                    "programme_id",
                    "family_id",
                    "member_id",
                    "number",
                    "status",
                    "holder_name",
                    "search_name",
                    "role",
                    "valid_from",
                    "valid_until",
                    "signing_key_id",
                    "signed_at",
                    "status_reason",
                    "replaced_by_id",
                    "fee_amount",
                    "fee_waived",
                    "print_batch_id",
                    "printed_at",
                    "reminded_for",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "family_id",
                "member_id",
                "number",
                "status",
                "holder_name",
                "search_name",
                "role",
                "valid_from",
                "valid_until",
                "signing_key_id",
                "signed_at",
                "status_reason",
                "replaced_by_id",
                "fee_amount",
                "fee_waived",
                "print_batch_id",
                "printed_at",
                "reminded_for",
                "created_at",
                "updated_at"
            FROM "cards"
        `);
    await queryRunner.query(`
            DROP TABLE "cards"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_cards"
                RENAME TO "cards"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_cards_number" ON "cards" ("number")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_created" ON "cards" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_print_queue" ON "cards" ("status", "print_batch_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_signing_key" ON "cards" ("signing_key_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_status_valid_until" ON "cards" ("status", "valid_until")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_member" ON "cards" ("member_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_family" ON "cards" ("family_id")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_card_events_card"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_card_events" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "card_id" varchar NOT NULL,
                "type" varchar(16) NOT NULL,
                "actor_type" varchar(16) NOT NULL,
                "actor_id" varchar(64),
                "actor_label" varchar(200),
                "reason" varchar(32),
                "details" text,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_45dd66b273e747d2872229026e6" FOREIGN KEY ("card_id") REFERENCES "cards" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_card_events"(
                    "id",
                    "card_id",
                    "type",
                    "actor_type",
                    "actor_id",
                    "actor_label",
                    "reason",
                    "details",
                    "created_at"
                )
            SELECT "id",
                "card_id",
                "type",
                "actor_type",
                "actor_id",
                "actor_label",
                "reason",
                "details",
                "created_at"
            FROM "card_events"
        `);
    await queryRunner.query(`
            DROP TABLE "card_events"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_card_events"
                RENAME TO "card_events"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_card_events_card" ON "card_events" ("card_id", "id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "ix_card_events_card"
        `);
    await queryRunner.query(`
            ALTER TABLE "card_events"
                RENAME TO "temporary_card_events"
        `);
    await queryRunner.query(`
            CREATE TABLE "card_events" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "card_id" varchar NOT NULL,
                "type" varchar(16) NOT NULL,
                "actor_type" varchar(16) NOT NULL,
                "actor_id" varchar(64),
                "actor_label" varchar(200),
                "reason" varchar(32),
                "details" text,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "card_events"(
                    "id",
                    "card_id",
                    "type",
                    "actor_type",
                    "actor_id",
                    "actor_label",
                    "reason",
                    "details",
                    "created_at"
                )
            SELECT "id",
                "card_id",
                "type",
                "actor_type",
                "actor_id",
                "actor_label",
                "reason",
                "details",
                "created_at"
            FROM "temporary_card_events"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_card_events"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_card_events_card" ON "card_events" ("card_id", "id")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_family"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_member"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_status_valid_until"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_signing_key"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_print_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_created"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_cards_number"
        `);
    await queryRunner.query(`
            ALTER TABLE "cards"
                RENAME TO "temporary_cards"
        `);
    await queryRunner.query(`
            CREATE TABLE "cards" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "family_id" varchar NOT NULL,
                "member_id" varchar NOT NULL,
                "number" varchar(24) NOT NULL,
                "status" varchar(16) NOT NULL,
                "holder_name" varchar(201) NOT NULL,
                "search_name" varchar(201) NOT NULL,
                "role" varchar(16) NOT NULL,
                "valid_from" date NOT NULL,
                "valid_until" date,
                "signing_key_id" varchar(16) NOT NULL,
                "signed_at" datetime NOT NULL,
                "status_reason" varchar(32),
                "replaced_by_id" varchar,
                "fee_amount" integer,
                "fee_waived" boolean,
                "print_batch_id" varchar,
                "printed_at" datetime,
                "reminded_for" date,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "cards"(
                    "id",
                    "programme_id",
                    "family_id",
                    "member_id",
                    "number",
                    "status",
                    "holder_name",
                    "search_name",
                    "role",
                    "valid_from",
                    "valid_until",
                    "signing_key_id",
                    "signed_at",
                    "status_reason",
                    "replaced_by_id",
                    "fee_amount",
                    "fee_waived",
                    "print_batch_id",
                    "printed_at",
                    "reminded_for",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "family_id",
                "member_id",
                "number",
                "status",
                "holder_name",
                "search_name",
                "role",
                "valid_from",
                "valid_until",
                "signing_key_id",
                "signed_at",
                "status_reason",
                "replaced_by_id",
                "fee_amount",
                "fee_waived",
                "print_batch_id",
                "printed_at",
                "reminded_for",
                "created_at",
                "updated_at"
            FROM "temporary_cards"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_cards"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_family" ON "cards" ("family_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_member" ON "cards" ("member_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_status_valid_until" ON "cards" ("status", "valid_until")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_signing_key" ON "cards" ("signing_key_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_print_queue" ON "cards" ("status", "print_batch_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_cards_created" ON "cards" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_cards_number" ON "cards" ("number")
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
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
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
                    "updated_at"
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
                "updated_at"
            FROM "temporary_programmes"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_programmes"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_code" ON "programmes" ("code")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_card_events_card"
        `);
    await queryRunner.query(`
            DROP TABLE "card_events"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_family"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_member"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_status_valid_until"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_signing_key"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_print_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_cards_created"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_cards_number"
        `);
    await queryRunner.query(`
            DROP TABLE "cards"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_signing_keys_active"
        `);
    await queryRunner.query(`
            DROP TABLE "signing_keys"
        `);
    await queryRunner.query(`
            DROP TABLE "card_print_batches"
        `);
  }
}

/** Existing programmes get the letters of their code (as cardPrefixFor does today), made unique. */
async function fillCardPrefixes(queryRunner: QueryRunner): Promise<void> {
  const rows: { id: string; code: string }[] = await queryRunner.query(
    `SELECT "id", "code" FROM "programmes" ORDER BY "created_at", "id"`,
  );
  const taken = new Set<string>();
  for (const { id, code } of rows) {
    const letters = code.replace(/[^A-Z]/g, '').slice(0, 6);
    const base = letters.length >= 2 ? letters : 'CARD';
    let prefix = base;
    for (let n = 0; taken.has(prefix); n++) prefix = base.slice(0, 5) + String.fromCharCode(65 + (n % 26));
    taken.add(prefix);
    await queryRunner.query(`UPDATE "programmes" SET "card_prefix" = '${prefix}' WHERE "id" = '${id}'`);
  }
}
