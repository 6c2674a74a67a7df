/**
 * The app's first module, run before React, Dexie and i18next are: it starts the download of the browser's
 * language's strings (a first visit's), so that it runs while the rest of the script is evaluated.
 */
import { detectLocale } from "../../../shared/locales/locales";
import { surveyOfPage } from "../../../shared/surveys/page-path";
import { prefetchLocale } from "./i18n/locale-files";
import { askEarly } from "./pwa/offline-fetch";

prefetchLocale(detectLocale(navigator.languages));
// A survey's page (a poll's link, an invitation letter's) needs the survey first: asked for now, it comes while the
// page's chunk downloads and Dexie is read, instead of after (surveys/open-survey.ts asks for the same address).
const survey = surveyOfPage(location.pathname);
if (survey) askEarly(`/api/surveys/${survey}`);
