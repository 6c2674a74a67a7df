/**
 * An option's name in the console's results, cross-tabs and report: the option's label, "その他", a
 * number's range with its unit, a rating's value, and 無回答 (`_noAnswer`, counted by paper entry). It may
 * carry furigana markup: show it through RubyText, or plainText where only a string will do.
 */
import { noAnswerKey } from "../../../../shared/surveys/aggregates";
import { localized, type Question } from "../../../../shared/surveys/model";
import { rangeOfKey } from "../../../../shared/surveys/ranges";
import { useT } from "../../app/i18n/T";

export function useOptionLabel(): (question: Question | undefined, key: string) => string {
  const { t, locale } = useT();
  return (question, key) => {
    if (key === noAnswerKey) return t("staff:results.noAnswer");
    if (question?.type === "number") {
      const range = rangeOfKey(key);
      if (!range) return key;
      const unit = question.unit ? localized(question.unit, locale) : "";
      return range.low === range.high
        ? t("staff:results.value", { value: range.low, unit })
        : t("staff:results.range", { low: range.low, high: range.high, unit });
    }
    if (question && "options" in question) {
      const option = question.options.find((o) => o.id === key);
      if (option) return localized(option.label, locale);
      if (key === "other") return t("staff:results.other");
    }
    return key;
  };
}
