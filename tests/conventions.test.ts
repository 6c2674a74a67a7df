/**
 * The house rules a reader cannot see at a glance, checked on every run: a file does one job (no
 * source file over 300 lines but the data files named here and in the README, no React component
 * over 150 lines), and Japan time is written in one module (no `+09:00` or "Asia/Tokyo" elsewhere).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const maxFileLines = 300;
const maxComponentLines = 150;

/** Data, not logic: long because the city's data is long (README, "Map of the code"). */
const dataFiles = new Set(["server/seed/surveys.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const files = ["client", "server", "shared", "scripts"].flatMap(sourceFiles);
const lines = (file: string) => readFileSync(path.join(root, file), "utf8").split("\n");

/** Top-level components: from `function Name(` (or `const Name = (`) at the margin to the `}` that closes it at the margin. */
function componentSizes(text: string[]): { name: string; lines: number }[] {
  const sizes: { name: string; lines: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const start = /^(?:export )?(?:default )?(?:function ([A-Z]\w*)\s*[(<]|const ([A-Z]\w*)\s*=\s*\()/.exec(text[i] as string);
    if (!start) continue;
    const end = text.findIndex((line, j) => j > i && /^\}/.test(line));
    if (end < 0) continue;
    sizes.push({ name: (start[1] ?? start[2]) as string, lines: end - i + 1 });
    i = end;
  }
  return sizes;
}

describe("the house rules", () => {
  it(`keeps every source file to ${maxFileLines} lines, data files aside`, () => {
    expect(files.length).toBeGreaterThan(200);
    const long = files.filter((file) => !dataFiles.has(file) && lines(file).length > maxFileLines);
    expect(long).toEqual([]);
  });

  it(`keeps every React component to ${maxComponentLines} lines`, () => {
    const components = files
      .filter((file) => file.endsWith(".tsx"))
      .flatMap((file) => componentSizes(lines(file)).map((c) => ({ file, ...c })));
    expect(components.length).toBeGreaterThan(100);
    expect(components.filter((c) => c.lines > maxComponentLines).map((c) => `${c.file}: ${c.name} (${c.lines} lines)`)).toEqual([]);
  });

  it("measures a component from its first line to its closing brace", () => {
    const text = ["import x;", "export function Card({ a }: P) {", "  return <p />;", "}", "const Big = () => {", "  a;", "  b;", "};"];
    expect(componentSizes(text)).toEqual([
      { name: "Card", lines: 3 },
      { name: "Big", lines: 4 },
    ]);
  });

  it("writes Japan time only in shared/time.ts", () => {
    const literal = /\+09:00|Asia\/Tokyo|9 \* (?:60 \* 60|3_?600)/;
    const offenders = files.filter(
      (file) => file !== "shared/time.ts" && lines(file).some((line) => literal.test(line) && !/^\s*(\/\*|\*|\/\/)/.test(line)),
    );
    expect(offenders).toEqual([]);
  });
});
