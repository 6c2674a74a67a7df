/**
 * Work that can wait until the first page is drawn and the browser is idle: the parts of the home page below
 * the fold, the modules of the pages after it and the service worker's registration, so that they do not
 * lengthen the first page's start (Lighthouse's largest contentful paint and total blocking time).
 */
import { useEffect, useState } from "react";

export function whenIdle(timeout = 2000): Promise<void> {
  return new Promise((resolve) => {
    if ("requestIdleCallback" in window) window.requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 200);
  });
}

let drawn: () => void = () => undefined;
// The first page's content is on screen (Page says so), or four seconds have passed since the app started.
const firstPageDrawn = Promise.race([
  new Promise<void>((resolve) => {
    drawn = resolve;
  }),
  new Promise<void>((resolve) => setTimeout(resolve, 4000)),
]);

/** Said by a page once its own content is drawn (shell/Page.tsx), not only its heading. */
export function markPageDrawn(): void {
  drawn();
}

/** The next frame painted (or half a second, in a tab that paints nothing while hidden). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 500);
  });
}

/**
 * Resolves once the first page's content has been painted and the browser is then idle. Idle alone comes
 * too early: the browser is idle while the first page waits for the device's storage and its strings, and
 * what loaded then delayed the page's own drawing.
 */
export function afterFirstPage(): Promise<void> {
  return firstPageDrawn.then(nextPaint).then(() => whenIdle());
}

/** False until the browser is first idle after this component is drawn, and after the first page is. */
export function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let current = true;
    void afterFirstPage().then(() => current && setIdle(true));
    return () => {
      current = false;
    };
  }, []);
  return idle;
}
