/**
 * The platform knows no feature: every import under server/platform/ (tests included) stays in
 * server/platform/, reaches shared/ or is a package. Features import the platform, never the reverse.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const platformDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(platformDir, "../..");
const sharedDir = path.join(root, "shared");

describe("server/platform", () => {
  it("imports nothing from a feature, nor from the app around it", () => {
    const files = readdirSync(platformDir, { recursive: true, encoding: "utf8" }).filter((file) => /\.(ts|mjs)$/.test(file));
    expect(files.length).toBeGreaterThan(20);
    const outside: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(platformDir, file), "utf8");
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)) {
        const target = path.resolve(platformDir, path.dirname(file), specifier as string);
        if (!target.startsWith(platformDir + path.sep) && !target.startsWith(sharedDir + path.sep))
          outside.push(`${file} → ${path.relative(root, target)}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
