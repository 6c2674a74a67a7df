/** How survey facts read in the resident's language: dates in JST, answers as text. */

import { dateText } from "../../../shared/locales/dates";
import { htmlLang, type Locale } from "../../../shared/locales/locales";
import type { Answer } from "../../../shared/surveys/answers";
import { localized, type Question } from "../../../shared/surveys/model";

/** 12月6日(日), with furigana in やさしい日本語. */
export function formatDate(iso: string, locale: Locale): string {
  return dateText(new Date(iso), locale, { month: "long", day: "numeric", weekday: "short" });
}

/** An answer as the review screen shows it, or null when unanswered. */
export function answerText(question: Question, answer: Answer | undefined, locale: Locale): string | null {
  if (!answer) return null;
  const label = (id: string) => {
    if (id === "other") return null;
    const option = "options" in question ? question.options.find((o) => o.id === id) : undefined;
    return option ? localized(option.label, locale) : id;
  };
  if ("option" in answer) return answer.option === "other" ? (answer.other ?? "") : label(answer.option);
  if ("options" in answer) {
    const parts = answer.options.map(label).filter((p): p is string => p !== null);
    if (answer.other?.trim()) parts.push(answer.other);
    return parts.length > 0 ? new Intl.ListFormat(htmlLang(locale), { type: "unit" }).format(parts) : null;
  }
  if ("value" in answer) {
    const unit = question.type === "number" && question.unit ? localized(question.unit, locale) : "";
    return `${answer.value}${unit}`;
  }
  return answer.text.trim() || null;
}
