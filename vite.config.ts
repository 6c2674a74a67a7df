/**
 * One Vite config for both builds. The client build (root client/) makes the PWA: React,
 * the TypeScript service worker (injectManifest) and the web manifest. The server build
 * (`vite build --ssr`) bundles server/ for Node, leaving node_modules external.
 */
import react from "@vitejs/plugin-react";
import { defineConfig, type UserConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import pkg from "./package.json" with { type: "json" };

const serverBuild: UserConfig = {
  build: {
    ssr: true,
    outDir: "dist/server",
    emptyOutDir: true,
    target: "node20",
    rollupOptions: {
      input: {
        main: "server/main.ts",
        seed: "server/cli/seed.ts",
        staff: "server/cli/staff.ts",
        backup: "server/cli/backup.ts",
        areas: "server/cli/areas.ts",
        "writer-thread": "server/platform/db/writer-thread.ts",
        // The module that defines every write. As an entry it stays out of main.js, so the URL its code
        // names (import.meta.url: registry.js, or the chunk registry.js re-exports) is safe for the writer thread to import.
        registry: "server/registry.ts",
        "encrypt-worker": "server/notices/sender/encrypt-worker.ts",
        // Imports read on worker threads (platform/threads/pool.ts: threadEntry names each by this key).
        "local-import-worker": "server/local/staff/import-worker.ts",
        "areas-import-worker": "server/wards/staff/import-worker.ts",
        // The Japanese analyser's thread (platform/text/japanese.ts), ended when idle with its dictionary.
        "japanese-worker": "server/platform/text/japanese-worker.ts",
        // A weighted cross-tab's disclosure control (surveys/staff/layers-pool.ts).
        "crosstab-layers-worker": "server/surveys/staff/layers-worker.ts",
      },
      // Flat, so that every chunk finds writer-thread.js and the workers' .js beside itself
      // (platform/db/database.ts, notices/sender/encrypt-pool.ts, platform/threads/pool.ts, platform/text/japanese.ts).
      output: { chunkFileNames: "[name]-[hash].js" },
    },
  },
};

const clientBuild: UserConfig = {
  root: "client",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    target: "es2020",
    // .vite/manifest.json: the server reads which files a first page needs and names them in its answer's Link
    // header, so the browser fetches them beside the entry script (server/client-preloads.ts).
    manifest: true,
    // Locale files stay separate assets (fetched on demand, only the active one), never inlined.
    assetsInlineLimit: (file) => (file.endsWith(".json") ? false : undefined),
  },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // `npm run dev` runs the API server on PORT (3000 by default) and Vite proxies /api to it.
  server: { proxy: { "/api": `http://localhost:${process.env.PORT || "3000"}` } },
  plugins: [
    react(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/sw",
      filename: "sw.ts",
      registerType: "prompt",
      // The staff console's chunk is not precached: residents' devices never download it.
      injectManifest: { globPatterns: ["**/*.{js,css,html}"], globIgnores: ["**/StaffApp-*", "**/PlacesMap-*"] },
      manifest: {
        id: "/",
        name: "まちの声 Machikoe",
        short_name: "まちの声",
        description: "大阪市24区のアンケート、通いの場、町会、子育ての手続きを、あなたの言葉で。",
        lang: "ja",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "portrait",
        theme_color: "#0a5c8a",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
};

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? serverBuild : clientBuild));
