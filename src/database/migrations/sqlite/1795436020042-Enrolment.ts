import { MigrationInterface, QueryRunner } from 'typeorm';

export class Enrolment1795436020042 implements MigrationInterface {
  name = 'Enrolment1795436020042';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
            CREATE UNIQUE INDEX "uq_programmes_code" ON "programmes" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" varchar PRIMARY KEY NOT NULL,
                "template" varchar(40) NOT NULL,
                "language" varchar(8) NOT NULL,
                "recipient" varchar(254) NOT NULL,
                "subject" varchar(300) NOT NULL,
                "text" text NOT NULL,
                "html" text NOT NULL,
                "status" varchar(16) NOT NULL DEFAULT ('pending'),
                "attempts" integer NOT NULL DEFAULT (0),
                "next_attempt_at" datetime NOT NULL,
                "last_error" varchar(500),
                "sent_at" datetime,
                "application_id" varchar,
                "family_id" varchar,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_application" ON "outbox_messages" ("application_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_family" ON "outbox_messages" ("family_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_due" ON "outbox_messages" ("status", "next_attempt_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "families" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "external_ref" varchar(64),
                "status" varchar(16) NOT NULL DEFAULT ('active'),
                "street" varchar(200),
                "postal_code" varchar(16),
                "city" varchar(100),
                "municipality_code" varchar(16),
                "email" varchar(254),
                "phone" varchar(32),
                "ended_at" datetime,
                "erased_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_families_status" ON "families" ("status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_families_external_ref" ON "families" ("programme_id", "external_ref")
        `);
    await queryRunner.query(`
            CREATE TABLE "members" (
                "id" varchar PRIMARY KEY NOT NULL,
                "family_id" varchar NOT NULL,
                "status" varchar(16) NOT NULL DEFAULT ('active'),
                "eligible" boolean NOT NULL DEFAULT (0),
                "eligible_until" date,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                "first_name" varchar(100) NOT NULL,
                "last_name" varchar(100) NOT NULL,
                "birth_date" date NOT NULL,
                "role" varchar(16) NOT NULL,
                "national_id_format" varchar(16),
                "national_id_cipher" text,
                "national_id_index" varchar(64),
                "education_end" date,
                "education_institution" varchar(200),
                "disability_until" date,
                "disability_permanent" boolean NOT NULL DEFAULT (0),
                "foster_placement_end" date,
                "parental_authority" boolean,
                "residence_permit_end" date
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_members_family" ON "members" ("family_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_members_national_id_index" ON "members" ("national_id_index")
        `);
    await queryRunner.query(`
            CREATE TABLE "documents" (
                "id" varchar PRIMARY KEY NOT NULL,
                "application_id" varchar NOT NULL,
                "family_id" varchar,
                "kind" varchar(32) NOT NULL,
                "file_name" varchar(200) NOT NULL,
                "media_type" varchar(40) NOT NULL,
                "size" integer NOT NULL,
                "sha256" varchar(64) NOT NULL,
                "uploaded_by" varchar,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_documents_application" ON "documents" ("application_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_documents_family" ON "documents" ("family_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "application_members" (
                "id" varchar PRIMARY KEY NOT NULL,
                "application_id" varchar NOT NULL,
                "position" integer NOT NULL,
                "member_id" varchar,
                "first_name" varchar(100) NOT NULL,
                "last_name" varchar(100) NOT NULL,
                "birth_date" date NOT NULL,
                "role" varchar(16) NOT NULL,
                "national_id_format" varchar(16),
                "national_id_cipher" text,
                "national_id_index" varchar(64),
                "education_end" date,
                "education_institution" varchar(200),
                "disability_until" date,
                "disability_permanent" boolean NOT NULL DEFAULT (0),
                "foster_placement_end" date,
                "parental_authority" boolean,
                "residence_permit_end" date
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_members_application" ON "application_members" ("application_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_members_national_id_index" ON "application_members" ("national_id_index")
        `);
    await queryRunner.query(`
            CREATE TABLE "applications" (
                "id" varchar PRIMARY KEY NOT NULL,
                "number" varchar(16) NOT NULL,
                "programme_id" varchar NOT NULL,
                "type" varchar(16) NOT NULL,
                "status" varchar(16) NOT NULL,
                "family_id" varchar,
                "applicant_user_id" varchar,
                "language" varchar(16) NOT NULL,
                "street" varchar(200),
                "postal_code" varchar(16),
                "city" varchar(100),
                "municipality_code" varchar(16),
                "email" varchar(254),
                "phone" varchar(32),
                "member_id" varchar,
                "loss_reason" varchar(16),
                "family_names" varchar(200) NOT NULL DEFAULT (''),
                "search_text" varchar(400) NOT NULL DEFAULT (''),
                "submitted_at" datetime,
                "queued_at" datetime NOT NULL,
                "decision_due_at" datetime,
                "decided_at" datetime,
                "decision_reason" varchar(40),
                "decision_text" varchar(2000),
                "erased_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_applications_number" ON "applications" ("number")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_family" ON "applications" ("family_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_applicant" ON "applications" ("applicant_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_due" ON "applications" ("decision_due_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_queue_all" ON "applications" ("queued_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_queue" ON "applications" ("status", "queued_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "application_notes" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "application_id" varchar NOT NULL,
                "author_id" varchar,
                "author_label" varchar(254),
                "text" varchar(4000) NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_notes_application" ON "application_notes" ("application_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "application_events" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "application_id" varchar NOT NULL,
                "action" varchar(24) NOT NULL,
                "from_status" varchar(16),
                "to_status" varchar(16) NOT NULL,
                "actor_type" varchar(16) NOT NULL,
                "actor_id" varchar(64),
                "reason" varchar(40),
                "message" varchar(2000),
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_events_application" ON "application_events" ("application_id", "id")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_families_status"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_families_external_ref"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_families" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "external_ref" varchar(64),
                "status" varchar(16) NOT NULL DEFAULT ('active'),
                "street" varchar(200),
                "postal_code" varchar(16),
                "city" varchar(100),
                "municipality_code" varchar(16),
                "email" varchar(254),
                "phone" varchar(32),
                "ended_at" datetime,
                "erased_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_7f7c6add511d6ab7cf0e2d648d9" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_families"(
                    "id",
                    "programme_id",
                    "external_ref",
                    "status",
                    "street",
                    "postal_code",
                    "city",
                    "municipality_code",
                    "email",
                    "phone",
                    "ended_at",
                    "erased_at",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "external_ref",
                "status",
                "street",
                "postal_code",
                "city",
                "municipality_code",
                "email",
                "phone",
                "ended_at",
                "erased_at",
                "created_at",
                "updated_at"
            FROM "families"
        `);
    await queryRunner.query(`
            DROP TABLE "families"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_families"
                RENAME TO "families"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_families_status" ON "families" ("status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_families_external_ref" ON "families" ("programme_id", "external_ref")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_members_family"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_members_national_id_index"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_members" (
                "id" varchar PRIMARY KEY NOT NULL,
                "family_id" varchar NOT NULL,
                "status" varchar(16) NOT NULL DEFAULT ('active'),
                "eligible" boolean NOT NULL DEFAULT (0),
                "eligible_until" date,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                "first_name" varchar(100) NOT NULL,
                "last_name" varchar(100) NOT NULL,
                "birth_date" date NOT NULL,
                "role" varchar(16) NOT NULL,
                "national_id_format" varchar(16),
                "national_id_cipher" text,
                "national_id_index" varchar(64),
                "education_end" date,
                "education_institution" varchar(200),
                "disability_until" date,
                "disability_permanent" boolean NOT NULL DEFAULT (0),
                "foster_placement_end" date,
                "parental_authority" boolean,
                "residence_permit_end" date,
                CONSTRAINT "FK_00d81787afc4eb4aa28462dcd9d" FOREIGN KEY ("family_id") REFERENCES "families" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_members"(
                    "id",
                    "family_id",
                    "status",
                    "eligible",
                    "eligible_until",
                    "created_at",
                    "updated_at",
                    "first_name",
                    "last_name",
                    "birth_date",
                    "role",
                    "national_id_format",
                    "national_id_cipher",
                    "national_id_index",
                    "education_end",
                    "education_institution",
                    "disability_until",
                    "disability_permanent",
                    "foster_placement_end",
                    "parental_authority",
                    "residence_permit_end"
                )
            SELECT "id",
                "family_id",
                "status",
                "eligible",
                "eligible_until",
                "created_at",
                "updated_at",
                "first_name",
                "last_name",
                "birth_date",
                "role",
                "national_id_format",
                "national_id_cipher",
                "national_id_index",
                "education_end",
                "education_institution",
                "disability_until",
                "disability_permanent",
                "foster_placement_end",
                "parental_authority",
                "residence_permit_end"
            FROM "members"
        `);
    await queryRunner.query(`
            DROP TABLE "members"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_members"
                RENAME TO "members"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_members_family" ON "members" ("family_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_members_national_id_index" ON "members" ("national_id_index")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_application_members_application"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_application_members_national_id_index"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_application_members" (
                "id" varchar PRIMARY KEY NOT NULL,
                "application_id" varchar NOT NULL,
                "position" integer NOT NULL,
                "member_id" varchar,
                "first_name" varchar(100) NOT NULL,
                "last_name" varchar(100) NOT NULL,
                "birth_date" date NOT NULL,
                "role" varchar(16) NOT NULL,
                "national_id_format" varchar(16),
                "national_id_cipher" text,
                "national_id_index" varchar(64),
                "education_end" date,
                "education_institution" varchar(200),
                "disability_until" date,
                "disability_permanent" boolean NOT NULL DEFAULT (0),
                "foster_placement_end" date,
                "parental_authority" boolean,
                "residence_permit_end" date,
                CONSTRAINT "FK_ebff65863f1c6c8ee179045a16e" FOREIGN KEY ("application_id") REFERENCES "applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_application_members"(
                    "id",
                    "application_id",
                    "position",
                    "member_id",
                    "first_name",
                    "last_name",
                    "birth_date",
                    "role",
                    "national_id_format",
                    "national_id_cipher",
                    "national_id_index",
                    "education_end",
                    "education_institution",
                    "disability_until",
                    "disability_permanent",
                    "foster_placement_end",
                    "parental_authority",
                    "residence_permit_end"
                )
            SELECT "id",
                "application_id",
                "position",
                "member_id",
                "first_name",
                "last_name",
                "birth_date",
                "role",
                "national_id_format",
                "national_id_cipher",
                "national_id_index",
                "education_end",
                "education_institution",
                "disability_until",
                "disability_permanent",
                "foster_placement_end",
                "parental_authority",
                "residence_permit_end"
            FROM "application_members"
        `);
    await queryRunner.query(`
            DROP TABLE "application_members"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_application_members"
                RENAME TO "application_members"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_members_application" ON "application_members" ("application_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_members_national_id_index" ON "application_members" ("national_id_index")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_applications_number"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_family"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_applicant"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_due"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_queue_all"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_queue"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_applications" (
                "id" varchar PRIMARY KEY NOT NULL,
                "number" varchar(16) NOT NULL,
                "programme_id" varchar NOT NULL,
                "type" varchar(16) NOT NULL,
                "status" varchar(16) NOT NULL,
                "family_id" varchar,
                "applicant_user_id" varchar,
                "language" varchar(16) NOT NULL,
                "street" varchar(200),
                "postal_code" varchar(16),
                "city" varchar(100),
                "municipality_code" varchar(16),
                "email" varchar(254),
                "phone" varchar(32),
                "member_id" varchar,
                "loss_reason" varchar(16),
                "family_names" varchar(200) NOT NULL DEFAULT (''),
                "search_text" varchar(400) NOT NULL DEFAULT (''),
                "submitted_at" datetime,
                "queued_at" datetime NOT NULL,
                "decision_due_at" datetime,
                "decided_at" datetime,
                "decision_reason" varchar(40),
                "decision_text" varchar(2000),
                "erased_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_5316668b02db8cab0edef397cbe" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_applications"(
                    "id",
                    "number",
                    "programme_id",
                    "type",
                    "status",
                    "family_id",
                    "applicant_user_id",
                    "language",
                    "street",
                    "postal_code",
                    "city",
                    "municipality_code",
                    "email",
                    "phone",
                    "member_id",
                    "loss_reason",
                    "family_names",
                    "search_text",
                    "submitted_at",
                    "queued_at",
                    "decision_due_at",
                    "decided_at",
                    "decision_reason",
                    "decision_text",
                    "erased_at",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "number",
                "programme_id",
                "type",
                "status",
                "family_id",
                "applicant_user_id",
                "language",
                "street",
                "postal_code",
                "city",
                "municipality_code",
                "email",
                "phone",
                "member_id",
                "loss_reason",
                "family_names",
                "search_text",
                "submitted_at",
                "queued_at",
                "decision_due_at",
                "decided_at",
                "decision_reason",
                "decision_text",
                "erased_at",
                "created_at",
                "updated_at"
            FROM "applications"
        `);
    await queryRunner.query(`
            DROP TABLE "applications"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_applications"
                RENAME TO "applications"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_applications_number" ON "applications" ("number")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_family" ON "applications" ("family_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_applicant" ON "applications" ("applicant_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_due" ON "applications" ("decision_due_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_queue_all" ON "applications" ("queued_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_queue" ON "applications" ("status", "queued_at", "id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "ix_applications_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_queue_all"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_due"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_applicant"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_family"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_applications_number"
        `);
    await queryRunner.query(`
            ALTER TABLE "applications"
                RENAME TO "temporary_applications"
        `);
    await queryRunner.query(`
            CREATE TABLE "applications" (
                "id" varchar PRIMARY KEY NOT NULL,
                "number" varchar(16) NOT NULL,
                "programme_id" varchar NOT NULL,
                "type" varchar(16) NOT NULL,
                "status" varchar(16) NOT NULL,
                "family_id" varchar,
                "applicant_user_id" varchar,
                "language" varchar(16) NOT NULL,
                "street" varchar(200),
                "postal_code" varchar(16),
                "city" varchar(100),
                "municipality_code" varchar(16),
                "email" varchar(254),
                "phone" varchar(32),
                "member_id" varchar,
                "loss_reason" varchar(16),
                "family_names" varchar(200) NOT NULL DEFAULT (''),
                "search_text" varchar(400) NOT NULL DEFAULT (''),
                "submitted_at" datetime,
                "queued_at" datetime NOT NULL,
                "decision_due_at" datetime,
                "decided_at" datetime,
                "decision_reason" varchar(40),
                "decision_text" varchar(2000),
                "erased_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "applications"(
                    "id",
                    "number",
                    "programme_id",
                    "type",
                    "status",
                    "family_id",
                    "applicant_user_id",
                    "language",
                    "street",
                    "postal_code",
                    "city",
                    "municipality_code",
                    "email",
                    "phone",
                    "member_id",
                    "loss_reason",
                    "family_names",
                    "search_text",
                    "submitted_at",
                    "queued_at",
                    "decision_due_at",
                    "decided_at",
                    "decision_reason",
                    "decision_text",
                    "erased_at",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "number",
                "programme_id",
                "type",
                "status",
                "family_id",
                "applicant_user_id",
                "language",
                "street",
                "postal_code",
                "city",
                "municipality_code",
                "email",
                "phone",
                "member_id",
                "loss_reason",
                "family_names",
                "search_text",
                "submitted_at",
                "queued_at",
                "decision_due_at",
                "decided_at",
                "decision_reason",
                "decision_text",
                "erased_at",
                "created_at",
                "updated_at"
            FROM "temporary_applications"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_applications"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_queue" ON "applications" ("status", "queued_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_queue_all" ON "applications" ("queued_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_due" ON "applications" ("decision_due_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_applicant" ON "applications" ("applicant_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_applications_family" ON "applications" ("family_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_applications_number" ON "applications" ("number")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_application_members_national_id_index"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_application_members_application"
        `);
    await queryRunner.query(`
            ALTER TABLE "application_members"
                RENAME TO "temporary_application_members"
        `);
    await queryRunner.query(`
            CREATE TABLE "application_members" (
                "id" varchar PRIMARY KEY NOT NULL,
                "application_id" varchar NOT NULL,
                "position" integer NOT NULL,
                "member_id" varchar,
                "first_name" varchar(100) NOT NULL,
                "last_name" varchar(100) NOT NULL,
                "birth_date" date NOT NULL,
                "role" varchar(16) NOT NULL,
                "national_id_format" varchar(16),
                "national_id_cipher" text,
                "national_id_index" varchar(64),
                "education_end" date,
                "education_institution" varchar(200),
                "disability_until" date,
                "disability_permanent" boolean NOT NULL DEFAULT (0),
                "foster_placement_end" date,
                "parental_authority" boolean,
                "residence_permit_end" date
            )
        `);
    await queryRunner.query(`
            INSERT INTO "application_members"(
                    "id",
                    "application_id",
                    "position",
                    "member_id",
                    "first_name",
                    "last_name",
                    "birth_date",
                    "role",
                    "national_id_format",
                    "national_id_cipher",
                    "national_id_index",
                    "education_end",
                    "education_institution",
                    "disability_until",
                    "disability_permanent",
                    "foster_placement_end",
                    "parental_authority",
                    "residence_permit_end"
                )
            SELECT "id",
                "application_id",
                "position",
                "member_id",
                "first_name",
                "last_name",
                "birth_date",
                "role",
                "national_id_format",
                "national_id_cipher",
                "national_id_index",
                "education_end",
                "education_institution",
                "disability_until",
                "disability_permanent",
                "foster_placement_end",
                "parental_authority",
                "residence_permit_end"
            FROM "temporary_application_members"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_application_members"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_members_national_id_index" ON "application_members" ("national_id_index")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_members_application" ON "application_members" ("application_id")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_members_national_id_index"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_members_family"
        `);
    await queryRunner.query(`
            ALTER TABLE "members"
                RENAME TO "temporary_members"
        `);
    await queryRunner.query(`
            CREATE TABLE "members" (
                "id" varchar PRIMARY KEY NOT NULL,
                "family_id" varchar NOT NULL,
                "status" varchar(16) NOT NULL DEFAULT ('active'),
                "eligible" boolean NOT NULL DEFAULT (0),
                "eligible_until" date,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                "first_name" varchar(100) NOT NULL,
                "last_name" varchar(100) NOT NULL,
                "birth_date" date NOT NULL,
                "role" varchar(16) NOT NULL,
                "national_id_format" varchar(16),
                "national_id_cipher" text,
                "national_id_index" varchar(64),
                "education_end" date,
                "education_institution" varchar(200),
                "disability_until" date,
                "disability_permanent" boolean NOT NULL DEFAULT (0),
                "foster_placement_end" date,
                "parental_authority" boolean,
                "residence_permit_end" date
            )
        `);
    await queryRunner.query(`
            INSERT INTO "members"(
                    "id",
                    "family_id",
                    "status",
                    "eligible",
                    "eligible_until",
                    "created_at",
                    "updated_at",
                    "first_name",
                    "last_name",
                    "birth_date",
                    "role",
                    "national_id_format",
                    "national_id_cipher",
                    "national_id_index",
                    "education_end",
                    "education_institution",
                    "disability_until",
                    "disability_permanent",
                    "foster_placement_end",
                    "parental_authority",
                    "residence_permit_end"
                )
            SELECT "id",
                "family_id",
                "status",
                "eligible",
                "eligible_until",
                "created_at",
                "updated_at",
                "first_name",
                "last_name",
                "birth_date",
                "role",
                "national_id_format",
                "national_id_cipher",
                "national_id_index",
                "education_end",
                "education_institution",
                "disability_until",
                "disability_permanent",
                "foster_placement_end",
                "parental_authority",
                "residence_permit_end"
            FROM "temporary_members"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_members"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_members_national_id_index" ON "members" ("national_id_index")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_members_family" ON "members" ("family_id")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_families_external_ref"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_families_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "families"
                RENAME TO "temporary_families"
        `);
    await queryRunner.query(`
            CREATE TABLE "families" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "external_ref" varchar(64),
                "status" varchar(16) NOT NULL DEFAULT ('active'),
                "street" varchar(200),
                "postal_code" varchar(16),
                "city" varchar(100),
                "municipality_code" varchar(16),
                "email" varchar(254),
                "phone" varchar(32),
                "ended_at" datetime,
                "erased_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "families"(
                    "id",
                    "programme_id",
                    "external_ref",
                    "status",
                    "street",
                    "postal_code",
                    "city",
                    "municipality_code",
                    "email",
                    "phone",
                    "ended_at",
                    "erased_at",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "external_ref",
                "status",
                "street",
                "postal_code",
                "city",
                "municipality_code",
                "email",
                "phone",
                "ended_at",
                "erased_at",
                "created_at",
                "updated_at"
            FROM "temporary_families"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_families"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_families_external_ref" ON "families" ("programme_id", "external_ref")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_families_status" ON "families" ("status")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_application_events_application"
        `);
    await queryRunner.query(`
            DROP TABLE "application_events"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_application_notes_application"
        `);
    await queryRunner.query(`
            DROP TABLE "application_notes"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_queue_all"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_due"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_applicant"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_applications_family"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_applications_number"
        `);
    await queryRunner.query(`
            DROP TABLE "applications"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_application_members_national_id_index"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_application_members_application"
        `);
    await queryRunner.query(`
            DROP TABLE "application_members"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_documents_family"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_documents_application"
        `);
    await queryRunner.query(`
            DROP TABLE "documents"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_members_national_id_index"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_members_family"
        `);
    await queryRunner.query(`
            DROP TABLE "members"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_families_external_ref"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_families_status"
        `);
    await queryRunner.query(`
            DROP TABLE "families"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_outbox_due"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_outbox_family"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_outbox_application"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_programmes_code"
        `);
    await queryRunner.query(`
            DROP TABLE "programmes"
        `);
  }
}
