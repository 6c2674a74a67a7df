/** A refused paper entry in the staff's words, with the app's own i18next and strings: each question named by number and text. */
import { readFileSync } from "node:fs";
import path from "node:path";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import type { Locale } from "../../../../shared/locales/locales";
import type { SurveyDefinition } from "../../../../shared/surveys/model";
import { i18nextCode, i18nextOptions } from "../../app/i18n/index";
import { issuesText, refusedIssues } from "./paper-issues";

const localesDir = path.join(import.meta.dirname, "../../../../shared/locales");
const bundle = (name: "app" | "staff", locale: Locale) => JSON.parse(readFileSync(path.join(localesDir, name, `${locale}.json`), "utf8"));

/** The app's own i18next, in one language, with the real strings. */
async function translator(locale: Locale) {
  const instance = i18next.createInstance();
  await instance.init({
    ...i18nextOptions,
    lng: i18nextCode(locale),
    ns: ["translation", "staff"],
    resources: Object.fromEntries(
      [...new Set([locale, "ja" as const])].map((l) => [i18nextCode(l), { translation: bundle("app", l), staff: bundle("staff", l) }]),
    ),
  });
  return instance.t;
}

const definition: SurveyDefinition = {
  title: { ja: "調査" },
  description: { ja: "説明" },
  profile: ["area"],
  questions: [
    {
      id: "knows",
      type: "single",
      text: { ja: "知っていますか" },
      required: true,
      themes: [],
      options: [{ id: "yes", label: { ja: "はい" }, themes: [] }],
    },
    {
      id: "years",
      type: "number",
      text: { ja: "住んでいる年数", en: "Years in the ward" },
      required: true,
      themes: [],
      min: 0,
      max: 100,
      integer: true,
    },
  ],
};

describe("a paper entry's issues in words", () => {
  it("names each question by its number and text, in the staff's language, never by its id", async () => {
    const text = issuesText(definition, [{ question: "years", code: "out_of_range" }], await translator("en"), "en");

    expect(text).toBe(`Q2 “Years in the ward”: ${bundle("app", "en").surveys.issues.out_of_range}`);
    expect(text).not.toContain("years");
  });

  it("says 問2「住んでいる年数」 in Japanese, and gives a profile field's problem on its own", async () => {
    const text = issuesText(
      definition,
      [
        { question: "years", code: "out_of_range" },
        { question: "profile.area", code: "unknown_area" },
      ],
      await translator("ja"),
      "ja",
    );

    expect(text).toBe("問2「住んでいる年数」: 範囲内の数字を入力してください。 その地域はこの区にありません。");
  });

  it("reads the issues of a refusal (422 responses.invalid) and nothing from any other failure", async () => {
    const refusal = (status: number, code: string) =>
      new Response(
        JSON.stringify({ error: { code, message: "…", details: { issues: [{ question: "years", code: "out_of_range", number: 2 }] } } }),
        {
          status,
        },
      );

    expect(await refusedIssues(refusal(422, "responses.invalid"))).toEqual([{ question: "years", code: "out_of_range", number: 2 }]);
    expect(await refusedIssues(refusal(409, "invitations.used"))).toBeNull();
    expect(await refusedIssues(refusal(422, "surveys.definition_invalid"))).toBeNull();
    expect(await refusedIssues(new Error("offline"))).toBeNull();
  });
});
