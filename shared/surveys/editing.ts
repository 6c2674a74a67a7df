/**
 * The rules of the survey builder, shared by the console that shows them and the server that
 * enforces them: what makes a definition publishable, which translations are missing, and which
 * edits an open survey may still take (wording, yes; anything that could corrupt collected
 * answers, no).
 */
import { type Locale, locales } from "../locales/locales";
import type { LocalizedText, Question, SurveyDefinition } from "./model";

export interface DefinitionProblem {
  /** Where: "survey", or a question id. */
  at: string;
  code: "duplicate_question" | "duplicate_option" | "condition_unknown" | "condition_not_earlier" | "min_over_max" | "max_over_options";
}

/** What zod cannot see: ids that must be unique, conditions that must point back, ranges that must make sense. */
export function definitionProblems(definition: SurveyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, Question>();
  for (const question of definition.questions) {
    if (seen.has(question.id)) problems.push({ at: question.id, code: "duplicate_question" });
    if ("options" in question) {
      const ids = question.options.map((o) => o.id);
      if (new Set(ids).size !== ids.length) problems.push({ at: question.id, code: "duplicate_option" });
    }
    if (question.type === "multiple") {
      if (question.min > question.max) problems.push({ at: question.id, code: "min_over_max" });
      if (question.max > question.options.length) problems.push({ at: question.id, code: "max_over_options" });
    }
    if (question.type === "number" && question.min > question.max) problems.push({ at: question.id, code: "min_over_max" });
    if (question.showIf) {
      const target = seen.get(question.showIf.question);
      if (!target) {
        const later = definition.questions.some((q) => q.id === question.showIf?.question);
        problems.push({ at: question.id, code: later ? "condition_not_earlier" : "condition_unknown" });
      } else if (!("options" in target) || question.showIf.anyOf.some((id) => !target.options.some((o) => o.id === id))) {
        problems.push({ at: question.id, code: "condition_unknown" });
      }
    }
    seen.set(question.id, question);
  }
  return problems;
}

/** Every text of a definition, with where it is. */
function texts(definition: SurveyDefinition): LocalizedText[] {
  const out: LocalizedText[] = [definition.title, definition.description];
  for (const q of definition.questions) {
    out.push(q.text);
    if (q.help) out.push(q.help);
    if ("options" in q) out.push(...q.options.map((o) => o.label));
    if ("other" in q && q.other) out.push(q.other.label);
    if (q.type === "rating") out.push(q.lowLabel, q.highLabel);
    if (q.type === "number" && q.unit) out.push(q.unit);
  }
  return out;
}

/** The locales some text of the definition lacks (they show Japanese there). Japanese itself is required by the model. */
export function missingTranslations(definition: SurveyDefinition): Locale[] {
  const all = texts(definition);
  return locales.filter((locale) => locale !== "ja" && all.some((t) => !t[locale]));
}

/**
 * Why an edit of an open survey would touch collected answers: questions added, removed or retyped;
 * options removed, added or renamed; limits, conditions or requiredness changed; profile questions
 * changed. Empty when only wording (in any locale) and theme tags changed.
 */
export function unsafeChanges(before: SurveyDefinition, after: SurveyDefinition): string[] {
  const reasons: string[] = [];
  if (before.profile.join() !== after.profile.join()) reasons.push("profile");
  const afterById = new Map(after.questions.map((q) => [q.id, q]));
  for (const old of before.questions) {
    const now = afterById.get(old.id);
    if (!now) {
      reasons.push(`${old.id}: removed`);
      continue;
    }
    if (now.type !== old.type) {
      reasons.push(`${old.id}: type`);
      continue;
    }
    if (now.required !== old.required) reasons.push(`${old.id}: required`);
    if (JSON.stringify(now.showIf ?? null) !== JSON.stringify(old.showIf ?? null)) reasons.push(`${old.id}: condition`);
    if ("options" in old && "options" in now) {
      if (old.options.map((o) => o.id).join() !== now.options.map((o) => o.id).join()) reasons.push(`${old.id}: options`);
      if (Boolean(old.other) !== Boolean(now.other) || (old.other && now.other && old.other.maxLength !== now.other.maxLength))
        reasons.push(`${old.id}: other`);
    }
    if (old.type === "multiple" && now.type === "multiple" && (old.min !== now.min || old.max !== now.max))
      reasons.push(`${old.id}: limits`);
    if (old.type === "number" && now.type === "number" && (old.min !== now.min || old.max !== now.max || old.integer !== now.integer))
      reasons.push(`${old.id}: limits`);
    if (old.type === "text" && now.type === "text" && old.maxLength !== now.maxLength) reasons.push(`${old.id}: limits`);
  }
  for (const q of after.questions) if (!before.questions.some((old) => old.id === q.id)) reasons.push(`${q.id}: added`);
  return reasons;
}
