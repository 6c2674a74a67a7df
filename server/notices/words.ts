/**
 * The words a push carries, in the subscriber's language, from the app's own locale files: the
 * timeline item's title and the sentence patterns the phone fills in (names, dates). やさしい日本語
 * loses its furigana marks here, since a notification shows plain text.
 */

import en from "../../shared/locales/app/en.json";
import ja from "../../shared/locales/app/ja.json";
import jaEasy from "../../shared/locales/app/ja-easy.json";
import ko from "../../shared/locales/app/ko.json";
import vi from "../../shared/locales/app/vi.json";
import zhHans from "../../shared/locales/app/zh-Hans.json";
import { fallbackLocale, htmlLang, type Locale } from "../../shared/locales/locales";
import { plainText } from "../../shared/locales/ruby";
import type { NoticeText, TimelineWords } from "../../shared/notices/schemas";

const bundles: Record<Locale, unknown> = { ja, "ja-easy": jaEasy, en, "zh-Hans": zhHans, ko, vi };

function lookup(bundle: unknown, key: string): string | undefined {
  let node: unknown = bundle;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** A string in `locale`, or in Japanese when the locale lacks it (the locale test keeps that from happening). */
export function word(locale: Locale, key: string): string {
  return plainText(lookup(bundles[locale], key) ?? lookup(bundles[fallbackLocale], key) ?? key);
}

export function timelineWords(locale: Locale, item: string): TimelineWords {
  return {
    item: word(locale, `childcare.items.${item}.title`),
    open: word(locale, "notices.push.open"),
    upcoming: word(locale, "notices.push.upcoming"),
    fallback: word(locale, "notices.push.fallback"),
    child: word(locale, "notices.push.child"),
    join: word(locale, "notices.push.join"),
    title: word(locale, "notices.push.title"),
    lang: htmlLang(locale),
  };
}

/** A broadcast's text in the subscriber's language, or the Japanese the staff had to write. */
export function broadcastText(texts: Partial<Record<Locale, NoticeText>> & { ja: NoticeText }, locale: Locale): NoticeText {
  return texts[locale] ?? texts.ja;
}
