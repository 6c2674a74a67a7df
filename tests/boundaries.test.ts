/**
 * The boundaries of .dependency-cruiser.cjs, run exactly as `npm run boundaries` runs them (same CLI,
 * same TypeScript preload): over tests/fixtures/boundaries, where each rule is broken on purpose and
 * the allowed patterns sit beside the violations, and over the real client/, server/ and shared/.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const fixture = path.join(root, "tests/fixtures/boundaries");
const config = path.join(root, ".dependency-cruiser.cjs");
const rules: { name: string }[] = createRequire(import.meta.url)(config).forbidden;

type Violation = { rule: { name: string }; from: string; to: string };

function cruise(cwd: string, outputType: "json" | "err") {
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      path.join(root, "scripts/depcruise-typescript.mjs"),
      path.join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
      "--config",
      config,
      "--output-type",
      outputType,
      "client",
      "server",
      "shared",
    ],
    { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  return result;
}

function violations(cwd: string): string[] {
  const { stdout, stderr } = cruise(cwd, "json");
  if (!stdout.startsWith("{")) throw new Error(`dependency-cruiser did not report: ${stderr}`);
  const report: { summary: { violations: Violation[] } } = JSON.parse(stdout);
  return report.summary.violations.map(
    ({ rule, from, to }) => `${rule.name}: ${from} → ${to.replace(/^.*node_modules\//, "node_modules/")}`,
  );
}

describe("boundaries (.dependency-cruiser.cjs)", () => {
  it("reports each broken rule by name, once per bad import, and nothing the rules allow", () => {
    expect(violations(fixture).sort()).toEqual(
      [
        "no-circular: shared/stats/mean.ts → shared/stats/sum.ts",
        "platform-knows-no-feature: server/platform/db/database.ts → server/surveys/service.ts",
        "client-server-apart: client/src/app/survey-types.ts → server/surveys/service.ts",
        "client-server-apart: server/notices/words.ts → client/src/surveys/titles.ts",
        "shared-imports-neither-side: shared/time.ts → server/platform/db/clock.ts",
        "client-sees-only-server-api-type: client/src/app/server-call.ts → server/app.ts",
        "dexie-only-in-db-and-sync: client/src/surveys/outbox.ts → node_modules/dexie/dist/dexie.js",
        "staff-console-not-in-resident-code: client/src/surveys/SurveyPage.tsx → client/src/surveys/staff/Results.tsx",
        "staff-console-one-door: client/src/local/PlacesPage.tsx → client/src/local/staff/PlacesConsole.tsx",
      ].sort(),
    );
  }, 60_000);

  it("has a broken example in the fixture for every rule, so a rule that stops firing is noticed", () => {
    const { status, stdout } = cruise(fixture, "err");
    expect(status).not.toBe(0);
    for (const { name } of rules) expect(stdout).toContain(`error ${name}: `);
  }, 60_000);

  // Fails until the issue-11 helpers that remove today's violations (writer thread → features,
  // platform → server/env.ts, Dexie outside client/src/db) are merged.
  it("finds no violation in client/, server/ and shared/", () => {
    expect(violations(root)).toEqual([]);
  }, 120_000);
});
