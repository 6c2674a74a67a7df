/**
 * i18next set up for the six locales. Each locale is a JSON asset fetched when it is chosen,
 * so a visit downloads only the active one. Japanese is the fallback, and a unit test keeps
 * every locale complete, so the fallback never shows in practice.
 */
import i18next, { type InitOptions } from "i18next";
import { initReactI18next } from "react-i18next";
import { fallbackLocale, htmlLang, type Locale } from "../../../../shared/locales/locales";
import { offlineFetch } from "../pwa/offline-fetch";

const localeUrls = import.meta.glob<string>("../../../../shared/locales/app/*.json", { query: "?url", import: "default", eager: true });

/** Locale files asked for ahead of need (prefetchLocale), by locale. */
const early = new Map<Locale, Promise<Record<string, unknown>>>();

/**
 * Starts fetching a locale's file now (main.tsx: the browser's language, while the saved settings are
 * read), so that the first page need not wait for it after them. A failure is left for the real load.
 */
export function prefetchLocale(locale: Locale): void {
  if (early.has(locale)) return;
  const pending = download(locale);
  pending.catch(() => early.delete(locale));
  early.set(locale, pending);
}

function fetchLocale(locale: Locale): Promise<Record<string, unknown>> {
  const pending = early.get(locale);
  early.delete(locale);
  return pending ?? download(locale);
}

async function download(locale: Locale): Promise<Record<string, unknown>> {
  const url = localeUrls[`../../../../shared/locales/app/${locale}.json`];
  if (!url) throw new Error(`No locale file for ${locale}`);
  const response = await offlineFetch(url);
  if (!response.ok) throw new Error(`Locale ${locale} could not be loaded (${response.status})`);
  return (await response.json()) as Record<string, unknown>;
}

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
