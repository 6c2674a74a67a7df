/**
 * i18next set up for the six locales. Each locale is a JSON asset fetched when it is chosen,
 * so a visit downloads only the active one. Japanese is the fallback, and a unit test keeps
 * every locale complete, so the fallback never shows in practice.
 */
import i18next, { type InitOptions } from "i18next";
import { initReactI18next } from "react-i18next";
import { fallbackLocale, htmlLang, type Locale } from "../../../../shared/locales/locales";
import { fetchLocale } from "./locale-files";

/**
 * i18next canonicalises language codes ("ja-easy" would become "ja-Easy"), so it is told to lower-case
 * them all and holds each bundle under the lower-cased code.
 */
export const i18nextCode = (locale: Locale) => locale.toLowerCase();

/**
 * How i18next runs here (index.test.ts resolves every counted string with these). A string that
 * counts is looked up by the option named `count`: English has `key_one` / `key_other`, the other
 * languages one plain `key`, which i18next finds after `key_other`.
 */
export const i18nextOptions = {
  fallbackLng: fallbackLocale,
  lowerCaseLng: true,
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} satisfies InitOptions;

export async function switchLocale(locale: Locale): Promise<void> {
  if (!i18next.hasResourceBundle(i18nextCode(locale), "translation")) {
    i18next.addResourceBundle(i18nextCode(locale), "translation", await fetchLocale(locale));
  }
  await i18next.changeLanguage(i18nextCode(locale));
  document.documentElement.lang = htmlLang(locale);
  document.documentElement.dataset.locale = locale;
}

export async function initI18n(locale: Locale): Promise<void> {
  await i18next.use(initReactI18next).init({ ...i18nextOptions, lng: i18nextCode(locale), resources: {} });
  try {
    await switchLocale(locale);
  } catch (error) {
    // The chosen locale cannot be had (offline, never cached): show Japanese rather than nothing.
    if (locale === fallbackLocale) throw error;
    await switchLocale(fallbackLocale);
  }
}
