import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log is append-only at the database, not just in the code. */
export class AuditLogAppendOnly1795425918332 implements MigrationInterface {
  name = 'AuditLogAppendOnly1795425918332';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const op of ['UPDATE', 'DELETE']) {
      await queryRunner.query(`
        CREATE TRIGGER "audit_log_no_${op.toLowerCase()}" BEFORE ${op} ON "audit_log"
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_log_no_update"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_log_no_delete"`);
  }
}
