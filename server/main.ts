/**
 * Starts the server: configuration, database (migrated), demo data on an empty database, the first
 * run's setup link while no staff account exists, HTTP.
 * On SIGTERM or SIGINT it stops accepting, lets in-flight requests finish, flushes the grouped
 * commits and closes the database, so no acknowledged write is lost.
 */

import { lookup } from "node:dns/promises";
import { serve } from "@hono/node-server";
import { sql } from "kysely";
import pkg from "../package.json";
import { shortLink } from "../shared/surveys/invitation-code";
import { verifyPassword } from "./accounts/passwords";
import { prepareSetupLink } from "./accounts/setup";
import { createApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { startHousekeeping } from "./housekeeping";
import { backfillReadings } from "./local/backfill-readings";
import { vapidKeys } from "./notices/keys";
import { NoticeSender, type PushNetwork } from "./notices/sender/sender";
import { VapidHeaders } from "./notices/sender/webpush";
import { type Database, databaseOptionsFrom, openDatabase } from "./platform/db/database";
import { createLogger } from "./platform/logger";
import { loadReferenceData } from "./reference/load";
import { registry } from "./registry";
import { demoInvitationCodes } from "./seed/demo-surveys";
import { demoStaff, isEmpty, seedDemoData } from "./seed/seed";
import { sha256 } from "./surveys/prepare";

/** A few demo invitation codes, with the link a letter's QR code would carry, for trying a sampled survey. */
async function printDemoInvitations(database: Database, url: string): Promise<void> {
  const sampled = await database.db
    .selectFrom("surveys")
    .innerJoin("wards", "wards.code", "surveys.wardCode")
    .select(["surveys.id", "wards.code", "wards.name"])
    .where("surveys.kind", "=", "sampled")
    .where("surveys.status", "=", "open")
    // 北区 first: the demo staff login (kita.demo) is 北区's, so a code used here shows up in its console.
    .orderBy(sql`case when wards.code = '27127' then 0 else 1 end`)
    .orderBy("wards.code")
    .limit(2)
    .execute();
  if (sampled.length === 0) return;
  const lines = ["  demo invitation codes (区民意識調査; each works once):"];
  for (const survey of sampled) {
    for (const code of demoInvitationCodes(survey.code)) {
      const used = await database.db.selectFrom("invitationCodes").select("used").where("codeHash", "=", sha256(code)).executeTakeFirst();
      if (used && used.used === 0) lines.push(`    ${survey.name}: ${code}  ${shortLink(url, code)}`);
    }
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);
}

/** The demo staff logins, while they still have their demo passwords. */
async function printDemoStaff(database: Database, url: string): Promise<void> {
  const lines: string[] = [];
  for (const user of demoStaff) {
    const row = await database.db.selectFrom("staffUsers").select("passwordHash").where("login", "=", user.login).executeTakeFirst();
    if (row && (await verifyPassword(user.password, row.passwordHash))) {
      lines.push(`    ${user.login} / ${user.password}  (${user.role === "city_admin" ? "every ward" : `ward ${user.ward}`})`);
    }
  }
  if (lines.length > 0) process.stdout.write(`  demo staff login at ${url}/staff:\n${lines.join("\n")}\n\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(databaseOptionsFrom(config), registry);
  logger.info("database ready", { dialect: database.dialect });

  // Reference data on every database; then the demo's, on a database without any. Both under the start lock.
  const reference = await loadReferenceData(database);
  if (reference.wards > 0) logger.info("reference data loaded", { ...reference });
  if (config.demoData && (await isEmpty(database))) {
    const summary = await seedDemoData(database, { reset: false });
    if (summary) logger.info("demo data seeded", { ...summary });
  }
  // Local data stored before readings existed gets its furigana and romaji (server/local/backfill-readings.ts).
  const readings = await backfillReadings(database);
  if (readings > 0) logger.info("local readings added", { rows: readings });
  // First run: while no staff account exists, a one-time link for the first city administrator (a new one each start).
  const setupLink = await prepareSetupLink(database);

  // Personal data past its retention is purged, and gone from the files too (server/housekeeping.ts).
  const stopHousekeeping = startHousekeeping(database, config, logger);

  // Push: one VAPID key pair for every instance; the sender runs where NOTICES is true, one instance at a time (a lease).
  const keys = await vapidKeys(database, config.notices.vapid);
  const network: PushNetwork = {
    allowList: config.notices.pushHosts,
    resolve: async (host) => (await lookup(host, { all: true })).map((a) => a.address),
  };
  const sender = config.notices.enabled
    ? new NoticeSender({
        database,
        logger,
        vapid: new VapidHeaders(keys, config.notices.subject),
        network,
        sendTime: config.notices.sendTime,
      })
    : null;
  sender?.start();

  const app = createApp({
    database,
    logger,
    version: pkg.version,
    bodyLimitBytes: config.bodyLimitBytes,
    clientDir: config.clientDir,
    surveys: config.surveys,
    staff: config.staff,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    map: config.map,
    notices: { publicKey: keys.publicKey, network, sender },
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${info.port}`;
    logger.info("listening", { url, port: info.port, dialect: database.dialect });
    if (config.logLevel !== "silent") {
      process.stdout.write(`\nまちの声 Machikoe ${pkg.version} is running at ${url}\n`);
      process.stdout.write(`  database: ${database.dialect === "sqlite" ? `SQLite in ${config.dataDir}` : "PostgreSQL"}\n`);
      process.stdout.write(`  API: ${url}/api/docs\n`);
      void printDemoInvitations(database, url).then(() => printDemoStaff(database, url));
    }
    // Printed whatever LOG_LEVEL says: it is the way in. The token is in the fragment, so it never reaches a request log.
    if (setupLink) {
      const base = (config.publicUrl ?? url).replace(/\/$/, "");
      process.stdout.write(
        `\nFirst run: no staff account yet. Open ${base}/staff/setup#token=${setupLink.token} to make the first city administrator (valid 24 h, once).\n` +
          '  (or from the command line: npm run staff -- add --login NAME --name "表示名" --role city_admin)\n\n',
      );
    }
  });

  let stopping = false;
  // While stopping, every response closes its connection, so keep-alive clients cannot hold the
  // server open with new requests: they reconnect, are refused, and retry elsewhere.
  server.on("request", (_req, res) => {
    if (stopping && !res.headersSent) res.setHeader("Connection", "close");
  });
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    stopHousekeeping();
    await sender?.stop();
    logger.info("shutting down", { signal });
    const force = setTimeout(() => {
      logger.warn("in-flight requests did not finish in time; closing their connections");
      if ("closeAllConnections" in server) server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    await database.close();
    logger.info("stopped", { signal });
    logger.flush();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Machikoe could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
