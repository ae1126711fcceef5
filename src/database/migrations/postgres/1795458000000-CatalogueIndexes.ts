import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (the entities declare these indexes with synchronize: false). Words in a catalogue search are
 * matched with LIKE '%word%', which a trigram index serves; pg_trgm ships with PostgreSQL's contrib modules and
 * is a trusted extension, so the database owner may create it. Where it is not installed the search still
 * works, scanning instead. (A B-tree over search_text, as on SQLite, could exceed PostgreSQL's entry size.)
 */
export class CatalogueIndexes1795458000000 implements MigrationInterface {
  name = 'CatalogueIndexes1795458000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [available] = await queryRunner.query(
      `SELECT 1 AS ok FROM pg_available_extensions WHERE name = 'pg_trgm'`,
    );
    if (available) {
      await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await queryRunner.query(
        `CREATE INDEX "ix_offers_search_trgm" ON "offers" USING gin ("search_text" gin_trgm_ops)`,
      );
    }
    await queryRunner.query(`CREATE INDEX "ix_partners_id_status" ON "partners" ("id", "status")`);
    await queryRunner.query(
      `CREATE INDEX "ix_outlets_id_position" ON "outlets" ("id") INCLUDE ("latitude", "longitude")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_outlets_id_position"`);
    await queryRunner.query(`DROP INDEX "ix_partners_id_status"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "ix_offers_search_trgm"`);
  }
}
