/**
 * The registry: every module that defines a write (platform/db/write.ts), and through them the
 * surveys' counts (surveys/counts.ts). An entry point imports it and hands `registry` to
 * openDatabase; the SQLite writer thread imports the same module, so it knows each write by name.
 * registry.test.ts fails when a module defines a write this list does not reach.
 */
import "./accounts/audit-log";
import "./accounts/lockout";
import "./accounts/manage";
import "./accounts/password-change";
import "./accounts/sessions";
import "./accounts/setup";
import "./accounts/users";
import "./local/backfill-readings";
import "./local/service";
import "./local/staff/service";
import "./notices/store/deliveries";
import "./notices/store/lease";
import "./notices/store/notices";
import "./notices/store/settings";
import "./notices/store/subscriptions";
import "./notices/topics";
import "./planning/staff/indicators";
import "./planning/staff/matching-export";
import "./planning/staff/policies";
import "./planning/staff/population";
import "./platform/db/write";
import "./platform/health/service";
import "./reference/load";
import "./seed/seed";
import "./wards/import";
import "./wards/staff/letter-contact";
import "./wards/staff/service";
import "./surveys/ingest";
import "./surveys/staff/comment-tags";
import "./surveys/staff/comments";
import "./surveys/staff/editor";
import "./surveys/staff/export";
import "./surveys/staff/follow-up";
import "./surveys/staff/letters";
import "./surveys/staff/paper";
import "./surveys/staff/reminders";
import "./surveys/staff/reads";
import "./surveys/staff/report";
import "./surveys/staff/stop-words";

/** This module, for the writer thread to import: its URL, whether it runs from source (.ts) or built (.js). */
export const registry = { module: import.meta.url };
