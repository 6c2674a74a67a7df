/**
 * The locale files: each a JSON asset fetched when chosen (a visit downloads only the active one), and one
 * that can be asked for ahead of need. Apart from i18next, so that the app's first module (early.ts) can
 * start the download before the rest of the script is even run.
 */
import type { Locale } from "../../../../shared/locales/locales";
import { offlineFetch } from "../pwa/offline-fetch";

const localeUrls = import.meta.glob<string>("../../../../shared/locales/app/*.json", { query: "?url", import: "default", eager: true });

/** Locale files asked for ahead of need (prefetchLocale), by locale. */
const early = new Map<Locale, Promise<Record<string, unknown>>>();

/**
 * Starts fetching a locale's file now (early.ts: the browser's language, before the rest of the script runs),
 * so that the first page need not wait for it after the settings. A failure is left for the real load.
 */
export function prefetchLocale(locale: Locale): void {
  if (early.has(locale)) return;
  const pending = download(locale);
  pending.catch(() => early.delete(locale));
  early.set(locale, pending);
}

export function fetchLocale(locale: Locale): Promise<Record<string, unknown>> {
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
