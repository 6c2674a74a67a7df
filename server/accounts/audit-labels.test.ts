/**
 * Every action the server records has a label in every staff locale: the server's source is scanned
 * for audit action names (literals, and templates over the local kinds and survey transitions), so a
 * new action without a label, or one missing from shared/accounts/audit.ts, fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { auditActionKey, auditActions } from "../../shared/accounts/audit";
import { auditActionLabel, auditDetails, auditWardLabel } from "../../shared/accounts/audit-labels";
import { localKinds } from "../../shared/local/schemas";
import { locales } from "../../shared/locales/locales";
import { plainText } from "../../shared/locales/ruby";
import { staffTranslator } from "./audit-csv";

const serverDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What a template's placeholder may be, where the server builds an action name from a variable. */
const placeholderValues: Record<string, readonly string[]> = {
  kind: localKinds,
  action: ["publish", "close", "duplicate"],
};

/** Every audit action name the server's source writes: `action: "a.b"` and `action: \`a.${x}\``. */
function actionsInSource(): { actions: Set<string>; unknownPlaceholders: string[] } {
  const actions = new Set<string>();
  const unknownPlaceholders: string[] = [];
  const files = readdirSync(serverDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  for (const file of files) {
    const source = readFileSync(path.join(serverDir, file), "utf8");
    // Every name in what follows `action:` up to the next property (a ternary names two).
    for (const match of source.matchAll(/action:([^\n]*)/g)) {
      const value = (match[1] as string).split(/,\s*\w+:/)[0] as string;
      for (const name of value.matchAll(/"([A-Za-z]+\.[a-z_]+)"/g)) actions.add(name[1] as string);
    }
    for (const match of source.matchAll(/action:\s*`([A-Za-z.]*)\$\{(\w+)\}([A-Za-z._]*)`/g)) {
      const [, before, name, after] = match as unknown as [string, string, string, string];
      const values = placeholderValues[name];
      if (!values) unknownPlaceholders.push(`${file}: ${match[0]}`);
      for (const value of values ?? []) actions.add(`${before}${value}${after}`);
    }
  }
  return { actions, unknownPlaceholders };
}

describe("audit action labels", () => {
  const { actions, unknownPlaceholders } = actionsInSource();

  it("finds the actions the server records (a broken scan would pass everything)", () => {
    expect([...actions]).toEqual(
      expect.arrayContaining([
        "staff.login",
        "staff.login_failed",
        "staff.locked",
        "join.view",
        "audit.export",
        "survey.publish",
        "place.import",
      ]),
    );
    expect(unknownPlaceholders, "action templates over a variable this test cannot expand").toEqual([]);
  });

  it("knows every action the server records", () => {
    expect([...actions].filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual([]);
  });

  it.each(locales)("labels every action in %s, never with a raw key", (locale) => {
    const t = staffTranslator(locale);
    const bundle = JSON.parse(readFileSync(path.join(serverDir, "../shared/locales/staff", `${locale}.json`), "utf8")) as unknown;
    const own = (key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle);
    for (const action of [...new Set([...actions, ...auditActions])]) {
      expect(typeof own(auditActionKey(action)), `${locale} has no label of its own for ${action}`).toBe("string");
      const label = plainText(auditActionLabel(action, t));
      expect(label, `${locale}: ${action}`).not.toBe("");
      expect(label).not.toContain(auditActionKey(action));
      expect(label).not.toBe(plainText(t("audit.actions.unknown")));
    }
  });

  it.each(locales)("writes details in words in %s, with ward names, not codes or JSON", (locale) => {
    const t = staffTranslator(locale);
    const details = plainText(
      auditDetails(
        {
          id: "1",
          at: "2026-12-01T00:00:00.000Z",
          login: "city.admin",
          ward: "27127",
          action: "staff.create_user",
          target: null,
          details: {
            login: "tanaka",
            role: "ward_staff",
            count: 2,
            created: 1,
            updated: 0,
            unchanged: 3,
            status: "done",
            title: "見守り",
            minutes: 15,
            topic: "meetings",
          },
        },
        locale,
        t,
      ),
    );
    expect(details).toContain("tanaka");
    expect(details).toContain("見守り");
    expect(details).toContain("15");
    // A notice's topic, in words.
    expect(details).toContain(plainText(t("notices.topicShort.meetings")));
    expect(details).not.toMatch(/[{}]|ward_staff|undefined/);
    // An account moved to another ward: both places, by name.
    const moved = plainText(
      auditDetails(
        {
          id: "2",
          at: "2026-12-01T00:00:00.000Z",
          login: "city.admin",
          ward: "27128",
          action: "staff.update_user",
          target: null,
          details: {
            login: "tanaka",
            before: { role: "ward_staff", ward: "27127" },
            after: { role: "ward_staff", ward: "27128" },
            sessions: 1,
          },
        },
        locale,
        t,
      ),
    );
    expect(moved).toContain(plainText(auditWardLabel("27127", locale, t)));
    expect(moved).toContain(plainText(auditWardLabel("27128", locale, t)));
    expect(moved).not.toMatch(/2712[78]|ward_staff|[{}]/);
    expect(plainText(auditWardLabel("27127", locale, t))).toBe(
      { ja: "北区", "ja-easy": "北区", en: "Kita Ward", "zh-Hans": "北区", ko: "기타구", vi: "Quận Kita" }[locale],
    );
    expect(plainText(auditWardLabel(null, locale, t))).not.toBe("");
  });
});
