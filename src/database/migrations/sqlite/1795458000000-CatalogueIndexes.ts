import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (the entities declare these indexes with synchronize: false). The catalogue checks each
 * candidate offer's partner and reads each candidate outlet's position: with these covering indexes SQLite
 * answers both from an index instead of reading rows. (A covering index over the offers' search columns made
 * the combined search faster but online-only and near-me-only searches slower: bench/catalogue.bench.ts.)
 */
export class CatalogueIndexes1795458000000 implements MigrationInterface {
  name = 'CatalogueIndexes1795458000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_partners_id_status" ON "partners" ("id", "status")`);
    await queryRunner.query(
      `CREATE INDEX "ix_outlets_id_position" ON "outlets" ("id", "latitude", "longitude")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_outlets_id_position"`);
    await queryRunner.query(`DROP INDEX "ix_partners_id_status"`);
  }
}
