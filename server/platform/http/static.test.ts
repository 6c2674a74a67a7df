/**
 * The built client as served: a page's path gets index.html with the Link header its preloads name (read from the
 * build's manifest), revalidated on every load and varying with the browser's languages; hashed assets are immutable.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import type { PlatformEnv } from "./env";
import { type Preloads, serveClient } from "./static";

const dir = mkdtempSync(path.join(tmpdir(), "machikoe-static-"));
mkdirSync(path.join(dir, "assets"));
mkdirSync(path.join(dir, ".vite"));
writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>app</title>");
writeFileSync(path.join(dir, "assets", "page-abc.js"), "export {};");
writeFileSync(
  path.join(dir, ".vite", "manifest.json"),
  JSON.stringify({
    "index.html": { file: "assets/index-1.js", isEntry: true },
    "src/page.ts": { file: "assets/page-abc.js", imports: ["index.html", "_shared-2.js"] },
    "_shared-2.js": { file: "assets/shared-2.js" },
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const asked: { path: string; acceptLanguage: string | undefined }[] = [];
const preloads: Preloads = (page, manifest) => {
  asked.push(page);
  return page.path === "/" ? [] : manifest.chunkWithImports("src/page.ts").map((file) => `<${file}>; rel=modulepreload`);
};
const app = new Hono<PlatformEnv>();
serveClient(app, dir, preloads);

describe("serveClient", () => {
  it("names a page's preloads, from the manifest without the entry, in its Link header", async () => {
    const response = await app.request("/places", { headers: { "Accept-Language": "vi-VN,vi;q=0.9" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>app</title>");
    expect(response.headers.get("Link")).toBe("</assets/page-abc.js>; rel=modulepreload, </assets/shared-2.js>; rel=modulepreload");
    expect(response.headers.get("Cache-Control")).toBe("no-cache");
    expect(response.headers.get("Vary")).toContain("Accept-Language");
    expect(asked.at(-1)).toEqual({ path: "/places", acceptLanguage: "vi-VN,vi;q=0.9" });
  });

  it("asks for the home page's preloads too, and sends no empty Link header", async () => {
    const response = await app.request("/");
    expect(response.status).toBe(200);
    expect(asked.at(-1)?.path).toBe("/");
    expect(response.headers.get("Link")).toBeNull();
  });

  it("serves hashed assets as immutable, without preloads, and a missing file as a 404", async () => {
    const count = asked.length;
    const asset = await app.request("/assets/page-abc.js");
    expect(asset.headers.get("Cache-Control")).toContain("immutable");
    expect(asset.headers.get("Link")).toBeNull();
    expect((await app.request("/assets/missing-1.js")).status).toBe(404);
    expect(asked).toHaveLength(count);
  });
});
