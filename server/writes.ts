/**
 * Every module that defines a write (db/write.ts). The SQLite writer thread imports this, so it
 * knows each write by name; a test checks that the server defines none outside this list.
 */
import "./db/write";
import "./health/service";
import "./local/service";
import "./local/staff";
import "./notices/store";
import "./security/rate-limit";
import "./seed/seed";
import "./staff/comments";
import "./staff/editor";
import "./staff/export";
import "./staff/indicators";
import "./staff/letters";
import "./staff/matching";
import "./staff/population";
import "./staff/service";
import "./surveys/service";
