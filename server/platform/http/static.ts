/**
 * Serves the built client. Hashed files under /assets/ never change, so they are cached for a
 * year as immutable; everything else — index.html, the service worker, the manifest — is
 * revalidated on every load, so a new version reaches residents at once. Unknown paths that
 * look like pages get index.html (the client routes them).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { PlatformEnv } from "./env";

const immutable = "public, max-age=31536000, immutable";
const revalidate = "no-cache";

export function serveClient<E extends PlatformEnv>(app: Hono<E>, clientDir: string): void {
  const indexFile = path.join(clientDir, "index.html");
  if (!existsSync(indexFile)) throw new Error(`The client is not built: ${indexFile} is missing. Run \`npm run build\`.`);
  const indexHtml = readFileSync(indexFile, "utf8");
  const assetsDir = path.join(path.resolve(clientDir), "assets") + path.sep;

  app.use(
    "*",
    serveStatic({
      root: path.resolve(clientDir),
      onFound: (filePath, c) => {
        const isHashedAsset = filePath.startsWith(assetsDir);
        c.header("Cache-Control", isHashedAsset ? immutable : revalidate);
      },
    }),
  );
  app.get("*", async (c, next) => {
    // A missing file (it has an extension) is a 404, not the app shell.
    if (path.extname(c.req.path) !== "" || c.req.path.startsWith("/api/")) return next();
    c.header("Cache-Control", revalidate);
    return c.html(indexHtml);
  });
}
