/**
 * Serves the built client. Hashed files under /assets/ never change, so they are cached for a
 * year as immutable; everything else — index.html, the service worker, the manifest — is
 * revalidated on every load, so a new version reaches residents at once. Unknown paths that
 * look like pages get index.html (the client routes them), with a Link header naming what that
 * page will fetch first (`preloads`, given the build's manifest), so the browser asks for it at once.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Hono } from "hono";
import type { PlatformEnv } from "./env";

const immutable = "public, max-age=31536000, immutable";
const revalidate = "no-cache";

/** The client build's manifest (Vite's .vite/manifest.json): each source's built file and the chunks it imports. */
export interface ClientManifest {
  /** `/assets/…` of a source (its path as the manifest names it, from client/), or null if the build has none. */
  fileOf(source: string): string | null;
  /** A chunk's file and those of the chunks it imports statically, the entry's excepted (it is loaded anyway). */
  chunkWithImports(source: string): string[];
}

type ManifestEntry = { file: string; imports?: string[]; isEntry?: boolean };

function readManifest(clientDir: string): ClientManifest {
  const file = path.join(clientDir, ".vite", "manifest.json");
  const entries: Record<string, ManifestEntry> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const fileOf = (source: string) => (entries[source] ? `/${entries[source].file}` : null);
  return {
    fileOf,
    chunkWithImports(source) {
      const entry = entries[source];
      if (!entry) return [];
      const imports = (entry.imports ?? []).filter((name) => !entries[name]?.isEntry).map((name) => fileOf(name));
      return [`/${entry.file}`, ...imports.filter((name): name is string => name !== null)];
    },
  };
}

/** What a page's first load will ask for: Link header values (`<url>; rel=preload; …`), from its path and languages. */
export type Preloads = (page: { path: string; acceptLanguage: string | undefined }, manifest: ClientManifest) => string[];

export function serveClient<E extends PlatformEnv>(app: Hono<E>, clientDir: string, preloads?: Preloads): void {
  const indexFile = path.join(clientDir, "index.html");
  if (!existsSync(indexFile)) throw new Error(`The client is not built: ${indexFile} is missing. Run \`npm run build\`.`);
  const indexHtml = readFileSync(indexFile, "utf8");
  const assetsDir = path.join(path.resolve(clientDir), "assets") + path.sep;
  const manifest = readManifest(clientDir);
  /** The page's Link header, if it preloads anything. Its strings follow the browser's languages: Vary says so. */
  const linkOf = (c: Context<E>) => {
    const links = preloads?.({ path: c.req.path, acceptLanguage: c.req.header("Accept-Language") }, manifest) ?? [];
    return links.length > 0 ? links.join(", ") : null;
  };

  // The file each request was answered with: its headers are set on the answer once it is made (serveStatic calls
  // onFound after making it, when headers given to the context no longer reach it without a middleware around).
  const found = new WeakMap<object, string>();
  app.use("*", async (c, next) => {
    await next();
    const filePath = found.get(c);
    if (filePath === undefined) return;
    c.res.headers.set("Cache-Control", filePath.startsWith(assetsDir) ? immutable : revalidate);
    if (filePath !== path.resolve(indexFile)) return;
    const link = linkOf(c);
    if (link) c.res.headers.set("Link", link);
    c.res.headers.append("Vary", "Accept-Language");
  });
  app.use(
    "*",
    serveStatic({
      root: path.resolve(clientDir),
      onFound: (filePath, c) => {
        found.set(c, path.resolve(filePath));
      },
    }),
  );
  app.get("*", async (c, next) => {
    // A missing file (it has an extension) is a 404, not the app shell.
    if (path.extname(c.req.path) !== "" || c.req.path.startsWith("/api/")) return next();
    c.header("Cache-Control", revalidate);
    const link = linkOf(c);
    if (link) c.header("Link", link);
    c.header("Vary", "Accept-Language", { append: true });
    return c.html(indexHtml);
  });
}
