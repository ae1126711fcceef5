import { MigrationInterface, QueryRunner } from 'typeorm';

/** One partner's published offers in their window, for a till's check (see offer.entity.ts). */
export class OffersPartnerStatus1795470000000 implements MigrationInterface {
  name = 'OffersPartnerStatus1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_offers_partner_status" ON "offers" ("partner_id", "status", "window_start")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_offers_partner_status"`);
  }
}
