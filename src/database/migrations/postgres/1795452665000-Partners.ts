import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CATEGORIES } from '../../../partners/categories/default-categories';

export class Partners1795452665000 implements MigrationInterface {
  name = 'Partners1795452665000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "categories" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "programme_id" uuid NOT NULL,
                "slug" character varying(40) NOT NULL,
                "names" jsonb NOT NULL,
                "sort_order" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_categories_slug" ON "categories" ("programme_id", "slug")
        `);
    await queryRunner.query(`
            CREATE TABLE "partners" (
                "id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "search_name" character varying(200) NOT NULL,
                "tax_number" character varying(32) NOT NULL,
                "category_id" uuid NOT NULL,
                "description" jsonb NOT NULL,
                "website" character varying(300),
                "contact_name" character varying(200) NOT NULL,
                "contact_email" character varying(254) NOT NULL,
                "contact_phone" character varying(32),
                "status" character varying(16) NOT NULL,
                "status_reason" character varying(500),
                "agreement_version" character varying(32) NOT NULL,
                "agreement_accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "logo_type" character varying(16),
                "logo_hash" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_998645b20820e4ab99aeae03b41" PRIMARY KEY ("id")
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
                "partner_id" uuid NOT NULL,
                "media_type" character varying(16) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "bytes" bytea NOT NULL,
                CONSTRAINT "PK_2cf1399e92f1f0afad5651aaf1e" PRIMARY KEY ("partner_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "outlets" (
                "id" uuid NOT NULL,
                "partner_id" uuid NOT NULL,
                "ref" character varying(64) NOT NULL,
                "kind" character varying(8) NOT NULL,
                "name" character varying(200) NOT NULL,
                "street" character varying(200),
                "postal_code" character varying(16),
                "city" character varying(100),
                "latitude" double precision,
                "longitude" double precision,
                "opening_hours" jsonb,
                "url" character varying(300),
                "discount_code" character varying(64),
                "search_text" character varying(520) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4f218ad1778c5c01d7bf77bab02" PRIMARY KEY ("id")
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
                "id" uuid NOT NULL,
                "programme_id" uuid NOT NULL,
                "partner_id" uuid NOT NULL,
                "ref" character varying(64) NOT NULL,
                "category_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                "status_reason" character varying(500),
                "texts" jsonb NOT NULL,
                "search_text" text NOT NULL,
                "benefit_type" character varying(16) NOT NULL,
                "benefit" jsonb NOT NULL,
                "kind" character varying(12) NOT NULL,
                "schedule" jsonb NOT NULL,
                "window_start" TIMESTAMP WITH TIME ZONE,
                "window_end" TIMESTAMP WITH TIME ZONE,
                "audience" jsonb NOT NULL,
                "min_family_size" integer,
                "limits" jsonb NOT NULL,
                "online" boolean NOT NULL DEFAULT false,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4c88e956195bba85977da21b8f4" PRIMARY KEY ("id")
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
                "offer_id" uuid NOT NULL,
                "outlet_id" uuid NOT NULL,
                CONSTRAINT "PK_8e5ae85bc746215494de495dc6b" PRIMARY KEY ("offer_id", "outlet_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_offer_outlets_outlet" ON "offer_outlets" ("outlet_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD "tax_number_format" character varying(16) NOT NULL DEFAULT 'NIP'
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" ALTER COLUMN "tax_number_format" DROP DEFAULT
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD "partner_agreement_version" character varying(32) NOT NULL DEFAULT '1.0'
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" ALTER COLUMN "partner_agreement_version" DROP DEFAULT
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes"
            ADD "offer_edits_need_approval" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" ALTER COLUMN "offer_edits_need_approval" DROP DEFAULT
        `);
    await queryRunner.query(`
            ALTER TABLE "categories"
            ADD CONSTRAINT "FK_9f3372007453edd4deae6e45b75" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "partners"
            ADD CONSTRAINT "FK_faf575d17be285dd7661ac9df9e" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "partners"
            ADD CONSTRAINT "FK_006a6abd79a0b9ee3214329d56e" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "partner_logos"
            ADD CONSTRAINT "FK_2cf1399e92f1f0afad5651aaf1e" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outlets"
            ADD CONSTRAINT "FK_3dd5317a3e0e7b49550f4c0f8e3" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "offers"
            ADD CONSTRAINT "FK_ce647f46768e77ebab79e0c908c" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "offers"
            ADD CONSTRAINT "FK_05ce793b33cbb292cfe94c00fd2" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "offer_outlets"
            ADD CONSTRAINT "FK_d80cff8e66a84e564203e7f055d" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "offer_outlets"
            ADD CONSTRAINT "FK_c752734e76f96d69b3f4237e414" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await seedCategories(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "offer_outlets" DROP CONSTRAINT "FK_c752734e76f96d69b3f4237e414"
        `);
    await queryRunner.query(`
            ALTER TABLE "offer_outlets" DROP CONSTRAINT "FK_d80cff8e66a84e564203e7f055d"
        `);
    await queryRunner.query(`
            ALTER TABLE "offers" DROP CONSTRAINT "FK_05ce793b33cbb292cfe94c00fd2"
        `);
    await queryRunner.query(`
            ALTER TABLE "offers" DROP CONSTRAINT "FK_ce647f46768e77ebab79e0c908c"
        `);
    await queryRunner.query(`
            ALTER TABLE "outlets" DROP CONSTRAINT "FK_3dd5317a3e0e7b49550f4c0f8e3"
        `);
    await queryRunner.query(`
            ALTER TABLE "partner_logos" DROP CONSTRAINT "FK_2cf1399e92f1f0afad5651aaf1e"
        `);
    await queryRunner.query(`
            ALTER TABLE "partners" DROP CONSTRAINT "FK_006a6abd79a0b9ee3214329d56e"
        `);
    await queryRunner.query(`
            ALTER TABLE "partners" DROP CONSTRAINT "FK_faf575d17be285dd7661ac9df9e"
        `);
    await queryRunner.query(`
            ALTER TABLE "categories" DROP CONSTRAINT "FK_9f3372007453edd4deae6e45b75"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP COLUMN "offer_edits_need_approval"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP COLUMN "partner_agreement_version"
        `);
    await queryRunner.query(`
            ALTER TABLE "programmes" DROP COLUMN "tax_number_format"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_offer_outlets_outlet"
        `);
    await queryRunner.query(`
            DROP TABLE "offer_outlets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_offers_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_offers_catalogue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_offers_category"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_offers_published"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_offers_ref"
        `);
    await queryRunner.query(`
            DROP TABLE "offers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outlets_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outlets_position"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_outlets_ref"
        `);
    await queryRunner.query(`
            DROP TABLE "outlets"
        `);
    await queryRunner.query(`
            DROP TABLE "partner_logos"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_partners_tax_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_partners_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_partners_category"
        `);
    await queryRunner.query(`
            DROP TABLE "partners"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_categories_slug"
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
        `INSERT INTO "categories" ("id", "programme_id", "slug", "names", "sort_order") VALUES ($1, $2, $3, CAST($4 AS jsonb), $5)`,
        [randomUUID(), id, slug, JSON.stringify(names), sortOrder],
      );
}
