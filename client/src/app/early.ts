/**
 * The app's first module, run before React, Dexie and i18next are: it starts the download of the browser's
 * language's strings (a first visit's), so that it runs while the rest of the script is evaluated.
 */
import { detectLocale } from "../../../shared/locales/locales";
import { prefetchLocale } from "./i18n/locale-files";

prefetchLocale(detectLocale(navigator.languages));
