/**
 * The page's first script, kept small: it starts the strings' download (early.ts), listens for the offer to
 * install, and lets the browser paint the page (its "loading" line) before it runs the app (boot.tsx), whose
 * download the page began at once (a modulepreload link, vite.config.ts), so the first paint waits for no
 * script being run.
 */
import "./early";
import { showBootFailure } from "./boot-failure";
import { listenForInstallOffer } from "./pwa/install";
import { warmCacheWhenControlled } from "./pwa/offline-fetch";
import "./styles.css";

listenForInstallOffer();
warmCacheWhenControlled();

requestAnimationFrame(() => {
  setTimeout(() => {
    import("./boot").catch(showBootFailure);
  }, 0);
});
