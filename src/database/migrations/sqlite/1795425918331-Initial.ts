import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795425918331 implements MigrationInterface {
  name = 'Initial1795425918331';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" varchar PRIMARY KEY NOT NULL,
                "email" varchar(254) NOT NULL,
                "display_name" varchar(200) NOT NULL,
                "kind" varchar(16) NOT NULL,
                "role" varchar(32) NOT NULL,
                "partner_id" varchar,
                "family_id" varchar,
                "password_hash" varchar(255) NOT NULL,
                "disabled" boolean NOT NULL DEFAULT (0),
                "failed_logins" integer NOT NULL DEFAULT (0),
                "locked_until" datetime,
                "last_login_at" datetime,
                "password_changed_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_partner" ON "users" ("partner_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_family" ON "users" ("family_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "job_runs" (
                "id" varchar PRIMARY KEY NOT NULL,
                "job" varchar(64) NOT NULL,
                "period_start" datetime NOT NULL,
                "instance_id" varchar(64) NOT NULL,
                "status" varchar(16) NOT NULL,
                "started_at" datetime NOT NULL,
                "finished_at" datetime,
                "error" varchar(500)
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_job_runs_period" ON "job_runs" ("job", "period_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "refresh_hash" varchar(64) NOT NULL,
                "expires_at" datetime NOT NULL,
                "revoked_at" datetime,
                "last_refreshed_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sessions_expires" ON "sessions" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "at" datetime NOT NULL,
                "actor_type" varchar(16) NOT NULL,
                "actor_id" varchar(64),
                "actor_label" varchar(254),
                "action" varchar(64) NOT NULL,
                "entity_type" varchar(32) NOT NULL,
                "entity_id" varchar(64),
                "summary" text,
                "request_id" varchar(128),
                "ip" varchar(64)
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_action" ON "audit_log" ("action")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_at" ON "audit_log" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_actor" ON "audit_log" ("actor_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_entity" ON "audit_log" ("entity_type", "entity_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" varchar PRIMARY KEY NOT NULL,
                "name" varchar(100) NOT NULL,
                "prefix" varchar(16) NOT NULL,
                "secret_hash" varchar(64) NOT NULL,
                "scopes" text NOT NULL,
                "partner_id" varchar,
                "created_by_id" varchar,
                "expires_at" datetime,
                "revoked_at" datetime,
                "last_used_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_api_keys_prefix" ON "api_keys" ("prefix")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_api_keys_partner" ON "api_keys" ("partner_id")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_sessions_user"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_sessions_expires"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_sessions" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "refresh_hash" varchar(64) NOT NULL,
                "expires_at" datetime NOT NULL,
                "revoked_at" datetime,
                "last_refreshed_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_sessions"(
                    "id",
                    "user_id",
                    "refresh_hash",
                    "expires_at",
                    "revoked_at",
                    "last_refreshed_at",
                    "created_at"
                )
            SELECT "id",
                "user_id",
                "refresh_hash",
                "expires_at",
                "revoked_at",
                "last_refreshed_at",
                "created_at"
            FROM "sessions"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_sessions"
                RENAME TO "sessions"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sessions_expires" ON "sessions" ("expires_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "ix_sessions_expires"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_sessions_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
                RENAME TO "temporary_sessions"
        `);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" varchar PRIMARY KEY NOT NULL,
                "user_id" varchar NOT NULL,
                "refresh_hash" varchar(64) NOT NULL,
                "expires_at" datetime NOT NULL,
                "revoked_at" datetime,
                "last_refreshed_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "sessions"(
                    "id",
                    "user_id",
                    "refresh_hash",
                    "expires_at",
                    "revoked_at",
                    "last_refreshed_at",
                    "created_at"
                )
            SELECT "id",
                "user_id",
                "refresh_hash",
                "expires_at",
                "revoked_at",
                "last_refreshed_at",
                "created_at"
            FROM "temporary_sessions"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_sessions"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sessions_expires" ON "sessions" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")
        `);
    await queryRunner.query(`
            DROP INDEX "ix_api_keys_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_api_keys_prefix"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_audit_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_audit_actor"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_audit_at"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_audit_action"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_sessions_expires"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_sessions_user"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_job_runs_period"
        `);
    await queryRunner.query(`
            DROP TABLE "job_runs"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_users_family"
        `);
    await queryRunner.query(`
            DROP INDEX "ix_users_partner"
        `);
    await queryRunner.query(`
            DROP INDEX "uq_users_email"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
  }
}
