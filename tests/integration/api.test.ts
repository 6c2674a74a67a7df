/**
 * The API end to end through `app.request`, on every dialect under test: what residents' clients
 * read (wards, areas), the one error shape for every failure, the health check's real write, the
 * generated OpenAPI document, and the database's transactional write path under the app.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppDeps } from "../../server/env";
import type { Database } from "../../server/platform/db/database";
import type { WardTable } from "../../server/platform/db/schema";
import { insertInto } from "../../server/platform/db/write";
import { createLogger } from "../../server/platform/logger";
import { areaSeeds } from "../../server/seed/areas";
import { isEmpty, seedDemoData, wardAndAreaRows } from "../../server/seed/seed";
import { HealthStatus } from "../../shared/health/schemas";
import { wardRecords } from "../../shared/wards/data";
import { AreaList, WardCode, WardList } from "../../shared/wards/schemas";
import { testApp } from "../helpers/app";
import { dialects, suiteTitle, type TestDatabase } from "../helpers/database";
import { expectErrorResponse } from "../helpers/errors";

const bodyLimitBytes = 1024;
const seededAreaCount = Object.values(areaSeeds).reduce((sum, areas) => sum + areas.length, 0);

function appOn(database: Database, overrides: Partial<AppDeps> = {}) {
  return testApp(database, { bodyLimitBytes, ...overrides });
}

/** A ward row that is not one of Osaka's, for write tests; codes 27190–27199 are unused. */
function wardRow(overrides: Partial<WardTable> = {}): WardTable {
  return {
    code: "27190",
    name: "試験区",
    reading: "しけんく",
    nameEn: "Shiken",
    nameZh: "试验区",
    nameKo: "시켄구",
    nameVi: "Quận Shiken",
    population: 1000,
    births: 10,
    ...overrides,
  };
}

describe.each(dialects)("the API", (dialect) => {
  describe.skipIf(dialect.skipReason !== undefined)(suiteTitle(dialect), () => {
    let testDb: TestDatabase;

    beforeEach(async () => {
      testDb = await dialect.open();
    });

    afterEach(async () => {
      await testDb.cleanup();
    });

    describe("with the wards and areas of the demo data", () => {
      beforeEach(async () => {
        // The wards and 地域 alone: the rest of the demo data (surveys, local life) is not read here, and costs seconds a test.
        const { wards, areas } = wardAndAreaRows();
        await insertInto(testDb.database, "wards", wards);
        await insertInto(testDb.database, "areas", areas);
      });

      it("lists the 24 wards in the city's official order (北区 first, not by code), with their names in every locale", async () => {
        const response = await appOn(testDb.database).request("/api/wards");

        expect(response.status).toBe(200);
        const { wards } = WardList.parse(await response.json());
        expect(wards).toHaveLength(24);
        expect(wards.map((w) => w.name).slice(0, 5)).toEqual(["北区", "都島区", "福島区", "此花区", "中央区"]);
        expect(wards.at(-1)?.name).toBe("西成区");
        expect(wards.find((w) => w.code === "27127")).toMatchObject({ name: "北区", population: 130303 });
        for (const ward of wards) {
          for (const name of [ward.nameEn, ward.nameZh, ward.nameKo, ward.nameVi]) expect(name).not.toBe("");
        }
      });

      it("lists a ward's areas in their sort order, all belonging to that ward", async () => {
        const response = await appOn(testDb.database).request("/api/wards/27127/areas");

        expect(response.status).toBe(200);
        const body = AreaList.parse(await response.json());
        expect(body.ward).toBe("27127");
        expect(body.areas.map((a) => a.name)).toEqual(areaSeeds["27127"]?.map((a) => a.name));
        expect(body.areas.map((a) => a.id)).toEqual(body.areas.map((_, i) => `27127-${String(i + 1).padStart(2, "0")}`));
        expect(body.areas[0]?.id).toBe("27127-01");
        for (const area of body.areas) expect(area.wardCode).toBe("27127");
      });

      it("answers wards.not_found for a well-formed code that is no ward", async () => {
        const response = await appOn(testDb.database).request("/api/wards/27199/areas");

        const body = await expectErrorResponse(response, "wards.not_found");
        expect(body.error.details).toEqual({ ward: "27199" });
      });

      it("answers request.invalid naming the ward parameter for a malformed ward code", async () => {
        const response = await appOn(testDb.database).request("/api/wards/abc/areas");

        const body = await expectErrorResponse(response, "request.invalid");
        const details = body.error.details as { issues: { path: string[] }[] };
        expect(details.issues.map((issue) => issue.path)).toEqual([["ward"]]);
      });

      it("answers route.not_found for an unknown /api path", async () => {
        const response = await appOn(testDb.database).request("/api/no-such-thing");

        const body = await expectErrorResponse(response, "route.not_found");
        expect(body.error.details).toEqual({ path: "/api/no-such-thing" });
      });

      it("refuses a body over the limit with request.too_large", async () => {
        const json = JSON.stringify({ text: "a".repeat(2 * 1024) });
        const response = await appOn(testDb.database).request("/api/wards", {
          method: "POST",
          body: json,
          headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(json)) },
        });

        const body = await expectErrorResponse(response, "request.too_large");
        expect(body.error.details).toEqual({ maxBytes: bodyLimitBytes });
      });

      it("answers internal.error carrying the request id, and logs the stack only on the server, when the database fails", async () => {
        const logged: string[] = [];
        const app = appOn(testDb.database, { logger: createLogger("error", (line) => logged.push(line)) });
        // Read once while healthy: on SQLite, close() leaves a never-used read connection open (see server/platform/db/group-commit.test.ts).
        expect((await app.request("/api/wards")).status).toBe(200);
        await testDb.database.close();

        const response = await app.request("/api/wards");

        const body = await expectErrorResponse(response, "internal.error");
        const requestId = response.headers.get("x-request-id");
        expect(requestId).toBeTruthy();
        expect(body.error.details).toEqual({ requestId });
        const unhandled = logged.map((line) => JSON.parse(line)).find((entry) => entry.msg === "unhandled error");
        expect(unhandled).toMatchObject({ requestId, error: { stack: expect.any(String) } });
      });

      it("reports healthy after a real, committed write of a probe row", async () => {
        const response = await appOn(testDb.database).request("/api/health");

        expect(response.status).toBe(200);
        const health = HealthStatus.parse(await response.json());
        expect(health).toMatchObject({ status: "ok", version: "test", database: { dialect: dialect.name, writable: true } });
        const probeId = health.database.probeId;
        expect(probeId).not.toBeNull();
        const probe = await testDb.database.db
          .selectFrom("writeProbes")
          .select("id")
          .where("id", "=", probeId as string)
          .executeTakeFirst();
        expect(probe).toEqual({ id: probeId });
      });

      it("publishes an OpenAPI 3.1 document whose ward parameter comes from the validating schema", async () => {
        const response = await appOn(testDb.database).request("/api/openapi.json");

        expect(response.status).toBe(200);
        const document = (await response.json()) as {
          openapi: string;
          paths: Record<string, { get?: { parameters?: { name: string; in: string; schema: { pattern?: string } }[] } }>;
        };
        expect(document.openapi).toBe("3.1.0");
        expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/wards", "/api/wards/{ward}/areas", "/api/health"]));
        const wardParameter = document.paths["/api/wards/{ward}/areas"]?.get?.parameters?.find((p) => p.name === "ward");
        expect(wardParameter?.in).toBe("path");
        const wardPatterns = (WardCode._zod.def.checks ?? []).flatMap((check) => {
          const { pattern } = check._zod.def as { pattern?: RegExp };
          return pattern ? [pattern.source] : [];
        });
        expect(wardPatterns).toHaveLength(1);
        expect(wardParameter?.schema.pattern).toBe(wardPatterns[0]);
      });

      it("serves a human-readable API page that lists the ward routes", async () => {
        const response = await appOn(testDb.database).request("/api/docs");

        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toMatch(/^text\/html/);
        expect(await response.text()).toContain("/api/wards");
      });

      it("sends security headers and a request id with every response", async () => {
        const app = appOn(testDb.database);
        const responses = [await app.request("/api/wards"), await app.request("/api/no-such-thing")];

        for (const response of responses) {
          expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
          expect(response.headers.get("x-content-type-options")).toBe("nosniff");
          expect(response.headers.get("x-request-id")).toMatch(/\S/);
        }
        expect(responses[0]?.headers.get("x-request-id")).not.toBe(responses[1]?.headers.get("x-request-id"));
      });

      it("compresses reads for clients that accept gzip, and leaves the small answers to writes as they are", async () => {
        const app = appOn(testDb.database);
        const read = await app.request("/api/wards", { headers: { "accept-encoding": "gzip" } });
        expect(read.headers.get("content-encoding")).toBe("gzip");
        const body = new Uint8Array(await read.arrayBuffer());
        const { gunzipSync } = await import("node:zlib");
        expect(WardList.parse(JSON.parse(gunzipSync(body).toString("utf8"))).wards).toHaveLength(24);

        const write = await app.request("/api/no-such-thing", { method: "POST", headers: { "accept-encoding": "gzip" } });
        expect(write.headers.get("content-encoding")).toBeNull();
      });

      it("rolls back a failing write while committing a concurrent good one", async () => {
        const { database } = testDb;

        const [failed, committed] = await Promise.allSettled([
          // Ward 27198, then 27198 again: the second row violates the key and undoes the first.
          insertInto(database, "wards", [wardRow({ code: "27198" }), wardRow({ code: "27198" })]),
          insertInto(database, "wards", [wardRow({ code: "27199" })]),
        ]);

        expect(failed.status).toBe("rejected");
        expect(committed).toEqual({ status: "fulfilled", value: 1 });
        const codes = await database.db.selectFrom("wards").select("code").where("code", "in", ["27198", "27199"]).execute();
        expect(codes).toEqual([{ code: "27199" }]);
      });
    });

    describe("seeding", () => {
      it("reports an empty database before seeding and a filled one after", async () => {
        expect(await isEmpty(testDb.database)).toBe(true);

        await seedDemoData(testDb.database, { reset: false });

        expect(await isEmpty(testDb.database)).toBe(false);
      });

      it("rebuilds the same wards and areas, without duplicates, when reset on a seeded database", async () => {
        const { database } = testDb;
        const first = await seedDemoData(database, { reset: false });

        const second = await seedDemoData(database, { reset: true });

        expect(second).toEqual(first);
        expect(second).toMatchObject({ wards: 24, areas: seededAreaCount });
        const surveys = await database.db
          .selectFrom("surveys")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        expect(Number(surveys.n)).toBe(second?.surveys);
        const wards = await database.db.selectFrom("wards").select("code").orderBy("code").execute();
        expect(wards.map((w) => w.code)).toEqual(wardRecords.map((w) => w.code).sort());
        const areas = await database.db.selectFrom("areas").select("id").execute();
        expect(areas).toHaveLength(seededAreaCount);
        expect(new Set(areas.map((a) => a.id)).size).toBe(seededAreaCount);
        // Seeding the whole demo twice takes about 25 s on PostgreSQL on a 2-core machine: more than the suite's default.
      }, 90_000);
    });
  });
});
