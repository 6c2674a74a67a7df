/**
 * Migrations as code, bundled with the server (no files read at run time), run at start.
 * The same list runs on SQLite and PostgreSQL; each migration uses only portable schema calls.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m0001 from "./migrations/0001_wards_and_areas";
import * as m0002 from "./migrations/0002_surveys";
import * as m0003 from "./migrations/0003_answers_with_response";
import * as m0004 from "./migrations/0004_count_state";
import * as m0005 from "./migrations/0005_staff";
import * as m0006 from "./migrations/0006_paper_entries";
import * as m0007 from "./migrations/0007_population";
import * as m0008 from "./migrations/0008_comment_themes";
import * as m0009 from "./migrations/0009_policies_and_indicators";
import * as m0010 from "./migrations/0010_local_life";
import * as m0011 from "./migrations/0011_notices";
import * as m0012 from "./migrations/0012_login_attempts";
import * as m0013 from "./migrations/0013_account_lifecycle";
import * as m0014 from "./migrations/0014_audit_log_indexes";
import * as m0015 from "./migrations/0015_rate_limits_in_memory";
import * as m0016 from "./migrations/0016_subscription_months";
import * as m0018 from "./migrations/0018_unlinkable_responses";
import * as m0019 from "./migrations/0019_personal_data_permission";
import * as m0020 from "./migrations/0020_result_snapshots";
import * as m0022 from "./migrations/0022_notice_topics";
import * as m0023 from "./migrations/0023_survey_follow_up";
import * as m0026 from "./migrations/0026_letters";
import * as m0027 from "./migrations/0027_honest_targets";

const migrations: Record<string, Migration> = {
  "0001_wards_and_areas": m0001,
  "0002_surveys": m0002,
  "0003_answers_with_response": m0003,
  "0004_count_state": m0004,
  "0005_staff": m0005,
  "0006_paper_entries": m0006,
  "0007_population": m0007,
  "0008_comment_themes": m0008,
  "0009_policies_and_indicators": m0009,
  "0010_local_life": m0010,
  "0011_notices": m0011,
  "0012_login_attempts": m0012,
  "0013_account_lifecycle": m0013,
  "0014_audit_log_indexes": m0014,
  "0015_rate_limits_in_memory": m0015,
  "0016_subscription_months": m0016,
  "0018_unlinkable_responses": m0018,
  "0019_personal_data_permission": m0019,
  "0020_result_snapshots": m0020,
  "0022_notice_topics": m0022,
  "0023_survey_follow_up": m0023,
  "0026_letters": m0026,
  "0027_honest_targets": m0027,
};

export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };

/** `schema`: the PostgreSQL schema the app's tables live in, when not the default one. */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<string[]> {
  // Kysely's own bookkeeping tables go in the same schema, so databases in other schemas are never confused with this one.
  // Numbers are handed out to work done side by side, so one may be merged after a later one has run
  // somewhere (0014 after 0015): it runs then, rather than stopping the start.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
