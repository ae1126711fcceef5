import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's own search tables (see catalogue-offer.entity.ts and catalogue-place.entity.ts): narrow rows of
 * visible offers, and of their outlets with positions, so a near-me search in a category for a word reads one
 * index range instead of joining wide offer rows to outlets and partners (bench/catalogue.bench.ts). Written by
 * hand from the generated one: the tables are new, so they are created with their foreign keys at once, and
 * ix_catalogue_places_category covers the combined search (the entity declares it with synchronize: false).
 */
export class CatalogueSearch1795462427300 implements MigrationInterface {
  name = 'CatalogueSearch1795462427300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "catalogue_places" (
                "offer_id" varchar NOT NULL,
                "outlet_id" varchar NOT NULL,
                "programme_id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "latitude" double precision NOT NULL,
                "longitude" double precision NOT NULL,
                "window_start" datetime,
                "window_end" datetime,
                "search_text" text NOT NULL,
                CONSTRAINT "FK_e4b46891c07c6a4a198b78ad612" FOREIGN KEY ("offer_id") REFERENCES "offers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_5d86710aa253ade4bedc5815259" FOREIGN KEY ("outlet_id") REFERENCES "outlets" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("offer_id", "outlet_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "catalogue_offers" (
                "offer_id" varchar PRIMARY KEY NOT NULL,
                "programme_id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "online" boolean NOT NULL,
                "window_start" datetime,
                "window_end" datetime,
                "published_at" datetime,
                "search_text" text NOT NULL,
                CONSTRAINT "FK_a45e4fa480971bf71096121d391" FOREIGN KEY ("offer_id") REFERENCES "offers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    // The search rows of what the catalogue shows today; from now on the services keep them in step.
    await queryRunner.query(`
            INSERT INTO "catalogue_offers" ("offer_id", "programme_id", "category_id", "online", "window_start",
                "window_end", "published_at", "search_text")
            SELECT o.id, o.programme_id, o.category_id, o.online, o.window_start, o.window_end, o.published_at,
                o.search_text
            FROM "offers" o JOIN "partners" p ON p.id = o.partner_id AND p.status = 'approved'
            WHERE o.status = 'published'
        `);
    await queryRunner.query(`
            INSERT INTO "catalogue_places" ("offer_id", "outlet_id", "programme_id", "category_id", "latitude",
                "longitude", "window_start", "window_end", "search_text")
            SELECT o.id, t.id, o.programme_id, o.category_id, t.latitude, t.longitude, o.window_start, o.window_end,
                o.search_text
            FROM "offers" o JOIN "partners" p ON p.id = o.partner_id AND p.status = 'approved'
            JOIN "offer_outlets" l ON l.offer_id = o.id
            JOIN "outlets" t ON t.id = l.outlet_id AND t.latitude IS NOT NULL
            WHERE o.status = 'published'
        `);
    await queryRunner.query(`CREATE INDEX "ix_catalogue_places_outlet" ON "catalogue_places" ("outlet_id")`);
    await queryRunner.query(`
            CREATE INDEX "ix_catalogue_places_position" ON "catalogue_places" ("programme_id", "latitude",
                "longitude", "window_start", "window_end", "offer_id", "outlet_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_catalogue_places_category" ON "catalogue_places" ("programme_id", "category_id",
                "latitude", "longitude", "window_start", "window_end", "search_text", "offer_id", "outlet_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_catalogue_offers_online" ON "catalogue_offers" ("programme_id", "online",
                "published_at", "window_start", "window_end")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_catalogue_offers_category" ON "catalogue_offers" ("programme_id", "category_id",
                "published_at", "window_start", "window_end")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_catalogue_offers_published" ON "catalogue_offers" ("programme_id", "published_at",
                "window_start", "window_end")
        `);
    // The catalogue reads these tables now, not offers and outlets: the indexes CatalogueIndexes made for it go.
    await queryRunner.query(`DROP INDEX "ix_partners_id_status"`);
    await queryRunner.query(`DROP INDEX "ix_outlets_id_position"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_outlets_id_position" ON "outlets" ("id", "latitude", "longitude")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_partners_id_status" ON "partners" ("id", "status")`);
    await queryRunner.query(`DROP TABLE "catalogue_offers"`);
    await queryRunner.query(`DROP TABLE "catalogue_places"`);
  }
}
