/** What each first page names for the browser to fetch beside the entry script (client-preloads.ts). */
import { describe, expect, it } from "vitest";
import { clientPreloads } from "./client-preloads";
import type { ClientManifest } from "./platform/http/static";

const manifest: ClientManifest = {
  fileOf: (source) => {
    const locale = /app\/(.+)\.json$/.exec(source)?.[1];
    return locale ? `/assets/${locale}-h.json` : null;
  },
  chunkWithImports: (source) => (source === "src/app/later.ts" ? ["/assets/later-h.js", "/assets/field-h.js"] : []),
};
const links = (path: string, acceptLanguage?: string) => clientPreloads({ path, acceptLanguage }, manifest);

describe("clientPreloads", () => {
  it("names the strings of the browser's first supported language, as the app picks them, or Japanese", () => {
    expect(links("/", "fr-FR,ko;q=0.8,en;q=0.5")).toEqual(["</assets/ko-h.json>; rel=preload; as=fetch; crossorigin"]);
    expect(links("/", "zh-TW")).toEqual(["</assets/zh-Hans-h.json>; rel=preload; as=fetch; crossorigin"]);
    expect(links("/surveys", undefined)).toEqual(["</assets/ja-h.json>; rel=preload; as=fetch; crossorigin"]);
  });

  it("adds the pages' chunk on every resident page but the home page, and never in the staff console", () => {
    const later = ["</assets/later-h.js>; rel=modulepreload", "</assets/field-h.js>; rel=modulepreload"];
    expect(links("/places", "vi")).toEqual(["</assets/vi-h.json>; rel=preload; as=fetch; crossorigin", ...later]);
    expect(links("/settings/", "vi").slice(1)).toEqual(later);
    expect(links("/staff/surveys", "vi")).toHaveLength(1);
  });

  it("adds a survey page's survey, and nothing for a path that only looks like one", () => {
    const id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    expect(links(`/surveys/${id}`, "en").at(-1)).toBe(`</api/surveys/${id}>; rel=preload; as=fetch; crossorigin`);
    expect(links(`/surveys/${id}/results`, "en").join()).not.toContain("/api/");
    expect(links("/surveys/../api/staff/users", "en").join()).not.toContain("/api/");
  });
});
