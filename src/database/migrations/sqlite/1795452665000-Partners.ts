import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CATEGORIES } from '../../../partners/categories/default-categories';

export class Partners1795452665000 implements MigrationInterface {
  name = 'Partners1795452665000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "categories" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "slug" varchar(40) NOT NULL,
                "names" text NOT NULL,
                "sort_order" integer NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_categories_slug" ON "categories" ("programme_id", "slug")
        `);
    await queryRunner.query(`
            CREATE TABLE "partners" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "name" varchar(200) NOT NULL,
                "search_name" varchar(200) NOT NULL,
                "tax_number" varchar(32) NOT NULL,
                "category_id" varchar NOT NULL,
                "description" text NOT NULL,
                "website" varchar(300),
                "contact_name" varchar(200) NOT NULL,
                "contact_email" varchar(254) NOT NULL,
                "contact_phone" varchar(32),
                "status" varchar(16) NOT NULL,
                "status_reason" varchar(500),
                "agreement_version" varchar(32) NOT NULL,
                "agreement_accepted_at" datetime NOT NULL,
                "approved_at" datetime,
                "logo_type" varchar(16),
                "logo_hash" varchar(64),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_partners_category" ON "partners" ("category_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_partners_status" ON "partners" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_partners_tax_number" ON "partners" ("programme_id", "tax_number")
        `);
    await queryRunner.query(`
            CREATE TABLE "partner_logos" (
                "partner_id" varchar PRIMARY KEY NOT NULL,
                "media_type" varchar(16) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "bytes" blob NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "outlets" (
                "id" varchar PRIMARY KEY NOT NULL,
                "partner_id" varchar NOT NULL,
                "ref" varchar(64) NOT NULL,
                "kind" varchar(8) NOT NULL,
                "name" varchar(200) NOT NULL,
                "street" varchar(200),
                "postal_code" varchar(16),
                "city" varchar(100),
                "latitude" double precision,
                "longitude" double precision,
                "opening_hours" text,
                "url" varchar(300),
                "discount_code" varchar(64),
                "search_text" varchar(520) NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_outlets_ref" ON "outlets" ("partner_id", "ref")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outlets_position" ON "outlets" ("latitude", "longitude")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outlets_partner" ON "outlets" ("partner_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "offers" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "partner_id" varchar NOT NULL,
                "ref" varchar(64) NOT NULL,
                "category_id" varchar NOT NULL,
                "status" varchar(20) NOT NULL,
                "status_reason" varchar(500),
                "texts" text NOT NULL,
                "search_text" text NOT NULL,
                "benefit_type" varchar(16) NOT NULL,
                "benefit" text NOT NULL,
                "kind" varchar(12) NOT NULL,
                "schedule" text NOT NULL,
                "window_start" datetime,
                "window_end" datetime,
                "audience" text NOT NULL,
                "min_family_size" integer,
                "limits" text NOT NULL,
                "online" boolean NOT NULL DEFAULT (0),
                "published_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_offers_ref" ON "offers" ("partner_id", "ref")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_published" ON "offers" ("status", "published_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_category" ON "offers" ("category_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_catalogue" ON "offers" ("status", "window_start")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_partner" ON "offers" ("partner_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "offer_outlets" (
                "offer_id" varchar NOT NULL,
                "outlet_id" varchar NOT NULL,
                PRIMARY KEY ("offer_id", "outlet_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offer_outlets_outlet" ON "offer_outlets" ("outlet_id")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_programmes_card_prefix"
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
                "card_prefix" varchar(6) NOT NULL,
                "tax_number_format" varchar(16) NOT NULL,
                "partner_agreement_version" varchar(32) NOT NULL,
                "offer_edits_need_approval" boolean NOT NULL
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
                'NIP',
                '1.0',
                1
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
            CREATE UNIQUE INDEX "uq_programmes_card_prefix" ON "programmes" ("card_prefix")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_code" ON "programmes" ("code")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_categories_slug"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_categories" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "slug" varchar(40) NOT NULL,
                "names" text NOT NULL,
                "sort_order" integer NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_9f3372007453edd4deae6e45b75" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_categories"(
                    "id",
                    "programme_id",
                    "slug",
                    "names",
                    "sort_order",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "slug",
                "names",
                "sort_order",
                "created_at",
                "updated_at"
            FROM "categories"
        `);
    await queryRunner.query(`
            DROP TABLE "categories"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_categories"
                RENAME TO "categories"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_categories_slug" ON "categories" ("programme_id", "slug")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_partners_category"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_partners_status"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_partners_tax_number"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_partners" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "name" varchar(200) NOT NULL,
                "search_name" varchar(200) NOT NULL,
                "tax_number" varchar(32) NOT NULL,
                "category_id" varchar NOT NULL,
                "description" text NOT NULL,
                "website" varchar(300),
                "contact_name" varchar(200) NOT NULL,
                "contact_email" varchar(254) NOT NULL,
                "contact_phone" varchar(32),
                "status" varchar(16) NOT NULL,
                "status_reason" varchar(500),
                "agreement_version" varchar(32) NOT NULL,
                "agreement_accepted_at" datetime NOT NULL,
                "approved_at" datetime,
                "logo_type" varchar(16),
                "logo_hash" varchar(64),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_faf575d17be285dd7661ac9df9e" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_006a6abd79a0b9ee3214329d56e" FOREIGN KEY ("category_id") REFERENCES "categories" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_partners"(
                    "id",
                    "programme_id",
                    "name",
                    "search_name",
                    "tax_number",
                    "category_id",
                    "description",
                    "website",
                    "contact_name",
                    "contact_email",
                    "contact_phone",
                    "status",
                    "status_reason",
                    "agreement_version",
                    "agreement_accepted_at",
                    "approved_at",
                    "logo_type",
                    "logo_hash",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "name",
                "search_name",
                "tax_number",
                "category_id",
                "description",
                "website",
                "contact_name",
                "contact_email",
                "contact_phone",
                "status",
                "status_reason",
                "agreement_version",
                "agreement_accepted_at",
                "approved_at",
                "logo_type",
                "logo_hash",
                "created_at",
                "updated_at"
            FROM "partners"
        `);
    await queryRunner.query(`
            DROP TABLE "partners"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_partners"
                RENAME TO "partners"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_partners_category" ON "partners" ("category_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_partners_status" ON "partners" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_partners_tax_number" ON "partners" ("programme_id", "tax_number")
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_partner_logos" (
                "partner_id" varchar PRIMARY KEY NOT NULL,
                "media_type" varchar(16) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "bytes" blob NOT NULL,
                CONSTRAINT "FK_2cf1399e92f1f0afad5651aaf1e" FOREIGN KEY ("partner_id") REFERENCES "partners" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_partner_logos"(
                    "partner_id",
                    "media_type",
                    "width",
                    "height",
                    "bytes"
                )
            SELECT "partner_id",
                "media_type",
                "width",
                "height",
                "bytes"
            FROM "partner_logos"
        `);
    await queryRunner.query(`
            DROP TABLE "partner_logos"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_partner_logos"
                RENAME TO "partner_logos"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_outlets_ref"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_outlets_position"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_outlets_partner"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_outlets" (
                "id" varchar PRIMARY KEY NOT NULL,
                "partner_id" varchar NOT NULL,
                "ref" varchar(64) NOT NULL,
                "kind" varchar(8) NOT NULL,
                "name" varchar(200) NOT NULL,
                "street" varchar(200),
                "postal_code" varchar(16),
                "city" varchar(100),
                "latitude" double precision,
                "longitude" double precision,
                "opening_hours" text,
                "url" varchar(300),
                "discount_code" varchar(64),
                "search_text" varchar(520) NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_3dd5317a3e0e7b49550f4c0f8e3" FOREIGN KEY ("partner_id") REFERENCES "partners" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_outlets"(
                    "id",
                    "partner_id",
                    "ref",
                    "kind",
                    "name",
                    "street",
                    "postal_code",
                    "city",
                    "latitude",
                    "longitude",
                    "opening_hours",
                    "url",
                    "discount_code",
                    "search_text",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "partner_id",
                "ref",
                "kind",
                "name",
                "street",
                "postal_code",
                "city",
                "latitude",
                "longitude",
                "opening_hours",
                "url",
                "discount_code",
                "search_text",
                "created_at",
                "updated_at"
            FROM "outlets"
        `);
    await queryRunner.query(`
            DROP TABLE "outlets"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_outlets"
                RENAME TO "outlets"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_outlets_ref" ON "outlets" ("partner_id", "ref")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outlets_position" ON "outlets" ("latitude", "longitude")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outlets_partner" ON "outlets" ("partner_id")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_offers_ref"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_published"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_category"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_catalogue"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_partner"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_offers" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "partner_id" varchar NOT NULL,
                "ref" varchar(64) NOT NULL,
                "category_id" varchar NOT NULL,
                "status" varchar(20) NOT NULL,
                "status_reason" varchar(500),
                "texts" text NOT NULL,
                "search_text" text NOT NULL,
                "benefit_type" varchar(16) NOT NULL,
                "benefit" text NOT NULL,
                "kind" varchar(12) NOT NULL,
                "schedule" text NOT NULL,
                "window_start" datetime,
                "window_end" datetime,
                "audience" text NOT NULL,
                "min_family_size" integer,
                "limits" text NOT NULL,
                "online" boolean NOT NULL DEFAULT (0),
                "published_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_ce647f46768e77ebab79e0c908c" FOREIGN KEY ("partner_id") REFERENCES "partners" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_05ce793b33cbb292cfe94c00fd2" FOREIGN KEY ("category_id") REFERENCES "categories" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_offers"(
                    "id",
                    "programme_id",
                    "partner_id",
                    "ref",
                    "category_id",
                    "status",
                    "status_reason",
                    "texts",
                    "search_text",
                    "benefit_type",
                    "benefit",
                    "kind",
                    "schedule",
                    "window_start",
                    "window_end",
                    "audience",
                    "min_family_size",
                    "limits",
                    "online",
                    "published_at",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "partner_id",
                "ref",
                "category_id",
                "status",
                "status_reason",
                "texts",
                "search_text",
                "benefit_type",
                "benefit",
                "kind",
                "schedule",
                "window_start",
                "window_end",
                "audience",
                "min_family_size",
                "limits",
                "online",
                "published_at",
                "created_at",
                "updated_at"
            FROM "offers"
        `);
    await queryRunner.query(`
            DROP TABLE "offers"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_offers"
                RENAME TO "offers"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_offers_ref" ON "offers" ("partner_id", "ref")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_published" ON "offers" ("status", "published_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_category" ON "offers" ("category_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_catalogue" ON "offers" ("status", "window_start")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_partner" ON "offers" ("partner_id", "created_at")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offer_outlets_outlet"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_offer_outlets" (
                "offer_id" varchar NOT NULL,
                "outlet_id" varchar NOT NULL,
                CONSTRAINT "FK_d80cff8e66a84e564203e7f055d" FOREIGN KEY ("offer_id") REFERENCES "offers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_c752734e76f96d69b3f4237e414" FOREIGN KEY ("outlet_id") REFERENCES "outlets" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("offer_id", "outlet_id")
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_offer_outlets"("offer_id", "outlet_id")
            SELECT "offer_id",
                "outlet_id"
            FROM "offer_outlets"
        `);
    await queryRunner.query(`
            DROP TABLE "offer_outlets"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_offer_outlets"
                RENAME TO "offer_outlets"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offer_outlets_outlet" ON "offer_outlets" ("outlet_id")
        `);
    await seedCategories(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "ix_offer_outlets_outlet"
        `);
    await queryRunner.query(`
            ALTER TABLE "offer_outlets"
                RENAME TO "temporary_offer_outlets"
        `);
    await queryRunner.query(`
            CREATE TABLE "offer_outlets" (
                "offer_id" varchar NOT NULL,
                "outlet_id" varchar NOT NULL,
                PRIMARY KEY ("offer_id", "outlet_id")
            )
        `);
    await queryRunner.query(`
            INSERT INTO "offer_outlets"("offer_id", "outlet_id")
            SELECT "offer_id",
                "outlet_id"
            FROM "temporary_offer_outlets"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_offer_outlets"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offer_outlets_outlet" ON "offer_outlets" ("outlet_id")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_catalogue"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_category"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_published"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_offers_ref"
        `);
    await queryRunner.query(`
            ALTER TABLE "offers"
                RENAME TO "temporary_offers"
        `);
    await queryRunner.query(`
            CREATE TABLE "offers" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "partner_id" varchar NOT NULL,
                "ref" varchar(64) NOT NULL,
                "category_id" varchar NOT NULL,
                "status" varchar(20) NOT NULL,
                "status_reason" varchar(500),
                "texts" text NOT NULL,
                "search_text" text NOT NULL,
                "benefit_type" varchar(16) NOT NULL,
                "benefit" text NOT NULL,
                "kind" varchar(12) NOT NULL,
                "schedule" text NOT NULL,
                "window_start" datetime,
                "window_end" datetime,
                "audience" text NOT NULL,
                "min_family_size" integer,
                "limits" text NOT NULL,
                "online" boolean NOT NULL DEFAULT (0),
                "published_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "offers"(
                    "id",
                    "programme_id",
                    "partner_id",
                    "ref",
                    "category_id",
                    "status",
                    "status_reason",
                    "texts",
                    "search_text",
                    "benefit_type",
                    "benefit",
                    "kind",
                    "schedule",
                    "window_start",
                    "window_end",
                    "audience",
                    "min_family_size",
                    "limits",
                    "online",
                    "published_at",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "partner_id",
                "ref",
                "category_id",
                "status",
                "status_reason",
                "texts",
                "search_text",
                "benefit_type",
                "benefit",
                "kind",
                "schedule",
                "window_start",
                "window_end",
                "audience",
                "min_family_size",
                "limits",
                "online",
                "published_at",
                "created_at",
                "updated_at"
            FROM "temporary_offers"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_offers"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_partner" ON "offers" ("partner_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_catalogue" ON "offers" ("status", "window_start")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_category" ON "offers" ("category_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offers_published" ON "offers" ("status", "published_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_offers_ref" ON "offers" ("partner_id", "ref")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_outlets_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_outlets_position"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_outlets_ref"
        `);
    await queryRunner.query(`
            ALTER TABLE "outlets"
                RENAME TO "temporary_outlets"
        `);
    await queryRunner.query(`
            CREATE TABLE "outlets" (
                "id" varchar PRIMARY KEY NOT NULL,
                "partner_id" varchar NOT NULL,
                "ref" varchar(64) NOT NULL,
                "kind" varchar(8) NOT NULL,
                "name" varchar(200) NOT NULL,
                "street" varchar(200),
                "postal_code" varchar(16),
                "city" varchar(100),
                "latitude" double precision,
                "longitude" double precision,
                "opening_hours" text,
                "url" varchar(300),
                "discount_code" varchar(64),
                "search_text" varchar(520) NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "outlets"(
                    "id",
                    "partner_id",
                    "ref",
                    "kind",
                    "name",
                    "street",
                    "postal_code",
                    "city",
                    "latitude",
                    "longitude",
                    "opening_hours",
                    "url",
                    "discount_code",
                    "search_text",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "partner_id",
                "ref",
                "kind",
                "name",
                "street",
                "postal_code",
                "city",
                "latitude",
                "longitude",
                "opening_hours",
                "url",
                "discount_code",
                "search_text",
                "created_at",
                "updated_at"
            FROM "temporary_outlets"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_outlets"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outlets_partner" ON "outlets" ("partner_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outlets_position" ON "outlets" ("latitude", "longitude")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_outlets_ref" ON "outlets" ("partner_id", "ref")
        `);
    await queryRunner.query(`
            ALTER TABLE "partner_logos"
                RENAME TO "temporary_partner_logos"
        `);
    await queryRunner.query(`
            CREATE TABLE "partner_logos" (
                "partner_id" varchar PRIMARY KEY NOT NULL,
                "media_type" varchar(16) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "bytes" blob NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "partner_logos"(
                    "partner_id",
                    "media_type",
                    "width",
                    "height",
                    "bytes"
                )
            SELECT "partner_id",
                "media_type",
                "width",
                "height",
                "bytes"
            FROM "temporary_partner_logos"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_partner_logos"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_partners_tax_number"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_partners_status"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_partners_category"
        `);
    await queryRunner.query(`
            ALTER TABLE "partners"
                RENAME TO "temporary_partners"
        `);
    await queryRunner.query(`
            CREATE TABLE "partners" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "name" varchar(200) NOT NULL,
                "search_name" varchar(200) NOT NULL,
                "tax_number" varchar(32) NOT NULL,
                "category_id" varchar NOT NULL,
                "description" text NOT NULL,
                "website" varchar(300),
                "contact_name" varchar(200) NOT NULL,
                "contact_email" varchar(254) NOT NULL,
                "contact_phone" varchar(32),
                "status" varchar(16) NOT NULL,
                "status_reason" varchar(500),
                "agreement_version" varchar(32) NOT NULL,
                "agreement_accepted_at" datetime NOT NULL,
                "approved_at" datetime,
                "logo_type" varchar(16),
                "logo_hash" varchar(64),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "partners"(
                    "id",
                    "programme_id",
                    "name",
                    "search_name",
                    "tax_number",
                    "category_id",
                    "description",
                    "website",
                    "contact_name",
                    "contact_email",
                    "contact_phone",
                    "status",
                    "status_reason",
                    "agreement_version",
                    "agreement_accepted_at",
                    "approved_at",
                    "logo_type",
                    "logo_hash",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "name",
                "search_name",
                "tax_number",
                "category_id",
                "description",
                "website",
                "contact_name",
                "contact_email",
                "contact_phone",
                "status",
                "status_reason",
                "agreement_version",
                "agreement_accepted_at",
                "approved_at",
                "logo_type",
                "logo_hash",
                "created_at",
                "updated_at"
            FROM "temporary_partners"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_partners"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_partners_tax_number" ON "partners" ("programme_id", "tax_number")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_partners_status" ON "partners" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_partners_category" ON "partners" ("category_id")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_categories_slug"
        `);
    await queryRunner.query(`
            ALTER TABLE "categories"
                RENAME TO "temporary_categories"
        `);
    await queryRunner.query(`
            CREATE TABLE "categories" (
                "id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "slug" varchar(40) NOT NULL,
                "names" text NOT NULL,
                "sort_order" integer NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "categories"(
                    "id",
                    "programme_id",
                    "slug",
                    "names",
                    "sort_order",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "programme_id",
                "slug",
                "names",
                "sort_order",
                "created_at",
                "updated_at"
            FROM "temporary_categories"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_categories"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_categories_slug" ON "categories" ("programme_id", "slug")
        `);
    await queryRunner.query(`
            DROP INDEX "uq_programmes_code"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_programmes_card_prefix"
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
                "card_prefix" varchar(6) NOT NULL
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
                "card_prefix"
            FROM "temporary_programmes"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_programmes"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_code" ON "programmes" ("code")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_programmes_card_prefix" ON "programmes" ("card_prefix")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offer_outlets_outlet"
        `);
    await queryRunner.query(`
            DROP TABLE "offer_outlets"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_catalogue"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_category"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_offers_published"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_offers_ref"
        `);
    await queryRunner.query(`
            DROP TABLE "offers"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_outlets_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_outlets_position"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_outlets_ref"
        `);
    await queryRunner.query(`
            DROP TABLE "outlets"
        `);
    await queryRunner.query(`
            DROP TABLE "partner_logos"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_partners_tax_number"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_partners_status"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_partners_category"
        `);
    await queryRunner.query(`
            DROP TABLE "partners"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_categories_slug"
        `);
    await queryRunner.query(`
            DROP TABLE "categories"
        `);
  }
}

/** Programmes made before partners existed get the default categories, as new programmes do. */
async function seedCategories(queryRunner: QueryRunner): Promise<void> {
  const programmes: { id: string }[] = await queryRunner.query(`SELECT "id" FROM "programmes"`);
  for (const { id } of programmes)
    for (const [sortOrder, { slug, names }] of DEFAULT_CATEGORIES.entries())
      await queryRunner.query(
        `INSERT INTO "categories" ("id", "programme_id", "slug", "names", "sort_order") VALUES (?, ?, ?, ?, ?)`,
        [randomUUID(), id, slug, JSON.stringify(names), sortOrder],
      );
}
