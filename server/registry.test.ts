/**
 * The registry is complete: every server module that defines a write (found by scanning server/
 * for `defineWrite(` and `defineCountingWrite(`) defines nothing the registry did not already
 * define. A write outside it would fail only at run time, on SQLite, where the writer thread knows
 * writes by the registry alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { registeredCounts } from "./platform/db/counts";
import { writeNames } from "./platform/db/write";
import { registry } from "./registry";

const serverDir = path.dirname(fileURLToPath(import.meta.url));

/** Every non-test TypeScript module under server/ that calls defineWrite or defineCountingWrite. */
function modulesDefiningWrites(): string[] {
  const files = readdirSync(serverDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".d.ts"))
    .map((file) => path.join(serverDir, file));
  return files.filter((file) => /\bdefine(Counting)?Write\(\s*"/.test(readFileSync(file, "utf8"))).sort();
}

describe("the registry (server/registry.ts)", () => {
  it("names itself as the module the writer thread imports", () => {
    expect(fileURLToPath(registry.module)).toBe(path.join(serverDir, "registry.ts"));
  });

  it("defines the writes of every feature and registers the surveys' counts", () => {
    const names = writeNames();
    for (const name of ["db.insertRows", "health.probe", "surveys.storeResponse", "staff.correctPaper", "seed.demo"])
      expect(names).toContain(name);
    expect(registeredCounts()?.name).toBe("survey_aggregates");
  });

  it("already defines every write any server module defines", async () => {
    const modules = modulesDefiningWrites();
    // The scan finds the modules it must: a broken pattern would pass everything.
    expect(modules.map((file) => path.relative(serverDir, file))).toEqual(
      expect.arrayContaining(["surveys/ingest.ts", "notices/store/deliveries.ts", "platform/db/write.ts", "accounts/sessions.ts"]),
    );
    const registered = new Set(writeNames());
    const outside: string[] = [];
    for (const file of modules) {
      await import(file);
      for (const name of writeNames()) {
        if (registered.has(name)) continue;
        outside.push(`${name} (${path.relative(serverDir, file)})`);
        registered.add(name);
      }
    }
    expect(outside, "writes defined by modules the registry does not import").toEqual([]);
  });
});
