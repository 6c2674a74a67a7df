/** Translated text, with furigana where the locale has it. Use <T k="…" /> for text, useT().plain for attributes. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { localeOf } from "../../../../shared/locales/locales";
import { plainText, RubyText } from "./ruby";

export function T({ k, values }: { k: string; values?: Record<string, string | number> }): ReactNode {
  const { t } = useTranslation();
  return <RubyText text={t(k, values)} />;
}

export function useT() {
  const { t, i18n } = useTranslation();
  return {
    t,
    /** The text without furigana markup, for aria-label, title, and document.title. */
    plain: (k: string, values?: Record<string, string | number>) => plainText(t(k, values)),
    locale: localeOf(i18n.language),
  };
}
