/**
 * What a resident's first page fetches first, named in the page's Link header (platform/http/static.ts) so that
 * the browser asks for it beside the entry script instead of after running it: the strings of the browser's
 * language (as client/src/app/early.ts picks them), the chunk of every page but the home page
 * (client/src/app/later.ts), and a survey page's survey. A page the service worker answers carries none of
 * this (it has them kept already); a page the preload did not guess (settings in another language) only asks again.
 */
import { detectLocale } from "../shared/locales/locales";
import { surveyOfPage } from "../shared/surveys/page-path";
import type { Preloads } from "./platform/http/static";

/** Accept-Language's tags in the order given (weights are not read: browsers send them in preference order). */
function languagesOf(header: string | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim() ?? "")
    .filter((tag) => tag !== "");
}

export const clientPreloads: Preloads = ({ path, acceptLanguage }, manifest) => {
  const links: string[] = [];
  const strings = manifest.fileOf(`../shared/locales/app/${detectLocale(languagesOf(acceptLanguage))}.json`);
  if (strings) links.push(`<${strings}>; rel=preload; as=fetch; crossorigin`);
  const page = path.replace(/\/+$/, "") || "/";
  const home = page === "/" || page === "/surveys";
  if (!home && !page.startsWith("/staff")) {
    for (const chunk of manifest.chunkWithImports("src/app/later.ts")) links.push(`<${chunk}>; rel=modulepreload`);
  }
  const survey = surveyOfPage(page);
  if (survey) links.push(`</api/surveys/${survey}>; rel=preload; as=fetch; crossorigin`);
  return links;
};
