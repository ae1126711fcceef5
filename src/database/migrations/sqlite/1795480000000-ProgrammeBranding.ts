import { MigrationInterface, QueryRunner } from 'typeorm';

/** The programme's branding: colours and a logo (see programme.entity.ts), all optional. */
export class ProgrammeBranding1795480000000 implements MigrationInterface {
  name = 'ProgrammeBranding1795480000000';

  private readonly columns = [
    ['brand_colour', 'varchar(7)'],
    ['brand_text_colour', 'varchar(7)'],
    ['logo', 'blob'],
    ['logo_type', 'varchar(16)'],
    ['logo_hash', 'varchar(64)'],
  ];

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, type] of this.columns)
      await queryRunner.query(`ALTER TABLE "programmes" ADD "${name}" ${type}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...this.columns].reverse())
      await queryRunner.query(`ALTER TABLE "programmes" DROP COLUMN "${name}"`);
  }
}
