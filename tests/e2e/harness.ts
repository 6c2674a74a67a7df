/**
 * The e2e harness: the built server on a random port with a temporary data dir (and its own copy
 * of the built client, so a test can ship a "new version"), and Debian's Chromium through
 * playwright-core. Nothing here is skipped: without a build or a browser the suite fails and says why.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { freePort, listeningPort } from "../helpers/server-process";

const root = path.resolve(import.meta.dirname, "../..");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface RunningServer {
  url: string;
  dataDir: string;
  clientDir: string;
  /** What the server has printed so far on stdout (the first run's setup link, the demo logins). */
  output(): string;
  stop(): Promise<void>;
}

/** `env` is laid over the test environment, e.g. `{ DEMO_DATA: "false" }` for an empty database. */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const built = path.join(root, "dist/server/main.js");
  if (!existsSync(built) || !existsSync(path.join(root, "dist/client/index.html"))) {
    throw new Error("The app is not built: run `npm run build` before the e2e tests (npm test does).");
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "machikoe-e2e-"));
  const clientDir = path.join(dataDir, "client");
  cpSync(path.join(root, "dist/client"), clientDir, { recursive: true });
  // The server knows its public address, as a real deployment does (letters' links are built from it).
  const chosenPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(chosenPort),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${chosenPort}`,
    DATA_DIR: dataDir,
    CLIENT_DIR: clientDir,
    LOG_LEVEL: "info",
    // Every browser here answers from 127.0.0.1, many times over one poll: the per-address cap is tested in
    // tests/integration/disclosure.test.ts.
    POLL_ANSWERS_PER_ADDRESS: "0",
    ...options.env,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [built], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const port = await listeningPort(child);
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    clientDir,
    output: () => stdout,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

function checkChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not at ${chromiumPath}: install Debian's chromium (npm test does) or set CHROMIUM_PATH.`);
  }
}

/** A browser whose contexts are fresh incognito profiles. */
export async function launchBrowser(): Promise<Browser> {
  checkChromium();
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** A browser on a fresh, non-incognito profile in a temporary user-data dir, removed on close. */
export async function launchPersistentContext(): Promise<BrowserContext> {
  checkChromium();
  const userDataDir = mkdtempSync(path.join(tmpdir(), "machikoe-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    locale: "ja-JP",
  });
  context.on("close", () => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // Chromium may still be writing its profile; the OS clears the temporary folder.
    }
  });
  return context;
}

/**
 * One server and one browser for a test file, started before its tests and stopped after them.
 * Read `app.server` and `app.browser` inside tests (they are set once `beforeAll` has run).
 */
export function serverAndBrowserForThisFile(env: Record<string, string> = {}): { server: RunningServer; browser: Browser } {
  const app = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [app.server, app.browser] = await Promise.all([startServer({ env }), launchBrowser()]);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/** axe-core's violations on the page as a resident or staff member sees it, once its transitions end (the test context must bypass the CSP to inject it). */
export async function axeViolations(page: Page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    // The page as it settles: a button's colour fading in (a 0.15 s transition) is not its contrast.
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return (result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

/** Visible controls in main smaller than 44 px high (a checkbox or radio counts by its label). */
export async function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main button, main select, main input, main a")]
      .filter((el) => el.offsetParent !== null)
      // A checkbox or radio is tapped through its label: the label is the target.
      .map((el) => (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio") ? (el.closest("label") ?? el) : el))
      .map((el) => ({ el: el.outerHTML.slice(0, 80), ...el.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44),
  );
}

/**
 * Waits until the settings the page shows are on the device (IndexedDB), so a `page.goto` or a reload
 * right after a choice starts from it. The page shows a choice at once and saves it a moment later.
 */
export async function settingsStored(page: Page, expected: Record<string, string | null>): Promise<void> {
  await page.waitForFunction(
    (want) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open("machikoe");
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("settings")) {
            db.close();
            resolve(false);
            return;
          }
          const get = db.transaction("settings").objectStore("settings").get("settings");
          get.onsuccess = () => {
            db.close();
            const row = (get.result ?? {}) as Record<string, unknown>;
            resolve(Object.entries(want).every(([key, value]) => row[key] === value));
          };
          get.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      }),
    expected,
    { polling: 100 },
  );
}

/** The console's login form filled and sent, as the demo's 北区 staff by default (the page shows the form). */
export async function logIn(page: Page, login = "kita.demo", password = "kita-demo-password"): Promise<void> {
  await page.getByLabel("ログイン名").fill(login);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
}
