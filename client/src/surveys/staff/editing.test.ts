import { describe, expect, it } from "vitest";
import { SurveyDefinition } from "../../../../shared/surveys/model";
import { emptySurvey, newQuestion, nextId, questionTypes, withPlaceholders } from "./editing";

describe("the survey builder's model", () => {
  it("makes a new question of every type that passes the survey schema once its texts are written", () => {
    for (const type of questionTypes) {
      const question = withPlaceholders(newQuestion(type, "q1"));
      const parsed = SurveyDefinition.safeParse({ title: { ja: "題" }, description: { ja: "説明" }, questions: [question], profile: [] });
      expect(parsed.success, type).toBe(true);
      expect(question.type).toBe(type);
    }
  });

  it("takes the first free id", () => {
    expect(nextId([], "q")).toBe("q1");
    expect(nextId(["q1", "q2", "q4"], "q")).toBe("q3");
    expect(nextId(["o1"], "o")).toBe("o2");
  });

  it("opens a new draft now, in Japan's time, for 30 days", () => {
    const start = emptySurvey("27127", Date.parse("2026-12-01T15:30:00Z"));
    expect(start.status).toBe("draft");
    expect(start.input.ward).toBe("27127");
    expect(start.input.opensAt).toBe("2026-12-02T00:30:00+09:00");
    expect(start.input.closesAt).toBe("2027-01-01T00:30:00+09:00");
    expect(start.input.definition.questions.map((q) => q.id)).toEqual(["q1"]);
  });

  it("fills only the texts not written yet, and leaves the question itself alone", () => {
    const question = newQuestion("single", "q2");
    if (question.type !== "single") throw new Error("single expected");
    question.options[0] = { id: "a", label: { ja: "はい" }, themes: [] };
    const shown = withPlaceholders(question);
    expect(shown.text.ja).toBe("（q2）");
    expect("options" in shown && shown.options.map((o) => o.label.ja)).toEqual(["はい", "（b）"]);
    expect(question.text.ja).toBe("");
  });
});
