import { MigrationInterface, QueryRunner } from 'typeorm';

export class Enrolment1795436020042 implements MigrationInterface {
  name = 'Enrolment1795436020042';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "programmes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(16) NOT NULL,
                "name" character varying(200) NOT NULL,
                "languages" text NOT NULL,
                "time_zone" character varying(64) NOT NULL,
                "national_id_format" character varying(16) NOT NULL,
                "min_children" integer NOT NULL,
                "child_age_limit" integer NOT NULL,
                "education_age_limit" integer NOT NULL,
                "education_end_rule" character varying(24) NOT NULL,
                "parent_validity" character varying(24) NOT NULL,
                "former_large_family_parents_qualify" boolean NOT NULL,
                "residency" jsonb NOT NULL,
                "decision_deadline_days" integer NOT NULL,
                "reminder_lead_days" integer NOT NULL,
                "retention_months" integer NOT NULL,
                "duplicate_card_fee" integer NOT NULL,
                "currency" character varying(3) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_code" ON "programmes" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "template" character varying(40) NOT NULL,
                "language" character varying(8) NOT NULL,
                "recipient" character varying(254) NOT NULL,
                "subject" character varying(300) NOT NULL,
                "text" text NOT NULL,
                "html" text NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_error" character varying(500),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "application_id" uuid,
                "family_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "external_ref" character varying(64),
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "street" character varying(200),
                "postal_code" character varying(16),
                "city" character varying(100),
                "municipality_code" character varying(16),
                "email" character varying(254),
                "phone" character varying(32),
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "erased_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_70414ac0c8f45664cf71324b9bb" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "family_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "eligible" boolean NOT NULL DEFAULT false,
                "eligible_until" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "first_name" character varying(100) NOT NULL,
                "last_name" character varying(100) NOT NULL,
                "birth_date" date NOT NULL,
                "role" character varying(16) NOT NULL,
                "national_id_format" character varying(16),
                "national_id_cipher" text,
                "national_id_index" character varying(64),
                "education_end" date,
                "education_institution" character varying(200),
                "disability_until" date,
                "disability_permanent" boolean NOT NULL DEFAULT false,
                "foster_placement_end" date,
                "parental_authority" boolean,
                "residence_permit_end" date,
                CONSTRAINT "PK_28b53062261b996d9c99fa12404" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "family_id" uuid,
                "kind" character varying(32) NOT NULL,
                "file_name" character varying(200) NOT NULL,
                "media_type" character varying(40) NOT NULL,
                "size" integer NOT NULL,
                "sha256" character varying(64) NOT NULL,
                "uploaded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "member_id" uuid,
                "first_name" character varying(100) NOT NULL,
                "last_name" character varying(100) NOT NULL,
                "birth_date" date NOT NULL,
                "role" character varying(16) NOT NULL,
                "national_id_format" character varying(16),
                "national_id_cipher" text,
                "national_id_index" character varying(64),
                "education_end" date,
                "education_institution" character varying(200),
                "disability_until" date,
                "disability_permanent" boolean NOT NULL DEFAULT false,
                "foster_placement_end" date,
                "parental_authority" boolean,
                "residence_permit_end" date,
                CONSTRAINT "PK_179df41b86c619bb5a048ca2226" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "number" character varying(16) NOT NULL,
                "programme_id" uuid NOT NULL,
                "type" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL,
                "family_id" uuid,
                "applicant_user_id" uuid,
                "language" character varying(16) NOT NULL,
                "street" character varying(200),
                "postal_code" character varying(16),
                "city" character varying(100),
                "municipality_code" character varying(16),
                "email" character varying(254),
                "phone" character varying(32),
                "member_id" uuid,
                "loss_reason" character varying(16),
                "family_names" character varying(200) NOT NULL DEFAULT '',
                "search_text" character varying(400) NOT NULL DEFAULT '',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decision_due_at" TIMESTAMP WITH TIME ZONE,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decision_reason" character varying(40),
                "decision_text" character varying(2000),
                "erased_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id")
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
                "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                "application_id" uuid NOT NULL,
                "author_id" uuid,
                "author_label" character varying(254),
                "text" character varying(4000) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_db708de5fa99541ad52a1f907de" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_notes_application" ON "application_notes" ("application_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "application_events" (
                "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                "application_id" uuid NOT NULL,
                "action" character varying(24) NOT NULL,
                "from_status" character varying(16),
                "to_status" character varying(16) NOT NULL,
                "actor_type" character varying(16) NOT NULL,
                "actor_id" character varying(64),
                "reason" character varying(40),
                "message" character varying(2000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fd185969787381d8bf8c529bc00" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_application_events_application" ON "application_events" ("application_id", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "families"
            ADD CONSTRAINT "FK_7f7c6add511d6ab7cf0e2d648d9" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "members"
            ADD CONSTRAINT "FK_00d81787afc4eb4aa28462dcd9d" FOREIGN KEY ("family_id") REFERENCES "families"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "application_members"
            ADD CONSTRAINT "FK_ebff65863f1c6c8ee179045a16e" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "applications"
            ADD CONSTRAINT "FK_5316668b02db8cab0edef397cbe" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "applications" DROP CONSTRAINT "FK_5316668b02db8cab0edef397cbe"
        `);
    await queryRunner.query(`
            ALTER TABLE "application_members" DROP CONSTRAINT "FK_ebff65863f1c6c8ee179045a16e"
        `);
    await queryRunner.query(`
            ALTER TABLE "members" DROP CONSTRAINT "FK_00d81787afc4eb4aa28462dcd9d"
        `);
    await queryRunner.query(`
            ALTER TABLE "families" DROP CONSTRAINT "FK_7f7c6add511d6ab7cf0e2d648d9"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_application_events_application"
        `);
    await queryRunner.query(`
            DROP TABLE "application_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_application_notes_application"
        `);
    await queryRunner.query(`
            DROP TABLE "application_notes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_applications_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_applications_queue_all"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_applications_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_applications_applicant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_applications_family"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_applications_number"
        `);
    await queryRunner.query(`
            DROP TABLE "applications"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_application_members_national_id_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_application_members_application"
        `);
    await queryRunner.query(`
            DROP TABLE "application_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_documents_family"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_documents_application"
        `);
    await queryRunner.query(`
            DROP TABLE "documents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_members_national_id_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_members_family"
        `);
    await queryRunner.query(`
            DROP TABLE "members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_families_external_ref"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_families_status"
        `);
    await queryRunner.query(`
            DROP TABLE "families"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_family"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_application"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_messages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_programmes_code"
        `);
    await queryRunner.query(`
            DROP TABLE "programmes"
        `);
  }
}
