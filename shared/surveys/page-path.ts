/**
 * A survey page's address, /surveys/<id>: the client's router, its first module (app/early.ts) and the server's
 * preloads (server/client-preloads.ts) read it alike.
 */
export const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

const surveyPage = new RegExp(`^/surveys/(${uuidPattern})/*$`);

/** The survey a page's path opens for answering (its results page and every other page: null). */
export function surveyOfPage(pathname: string): string | null {
  return surveyPage.exec(pathname)?.[1] ?? null;
}
