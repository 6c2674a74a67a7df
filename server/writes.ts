/**
 * Every module that defines a write (db/write.ts). The SQLite writer thread imports this, so it
 * knows each write by name; a test checks that the server defines none outside this list.
 */
import "./platform/db/write";
import "./platform/health/service";
import "./local/service";
import "./local/staff/service";
import "./notices/store";
import "./platform/rate-limit";
import "./seed/seed";
import "./surveys/staff/comments";
import "./surveys/staff/editor";
import "./surveys/staff/export";
import "./planning/staff/indicators";
import "./surveys/staff/letters";
import "./planning/staff/matching";
import "./planning/staff/population";
import "./accounts/service";
import "./surveys/service";
