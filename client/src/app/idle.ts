/**
 * Work that can wait until the page is drawn and the browser is idle (at most two seconds): the parts of
 * the home page below the fold and the modules of the pages after it, so that they do not lengthen the
 * first page's start (Lighthouse's total blocking time).
 */
import { useEffect, useState } from "react";

export function whenIdle(timeout = 2000): Promise<void> {
  return new Promise((resolve) => {
    if ("requestIdleCallback" in window) window.requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 200);
  });
}

/** False until the browser is first idle after this component is drawn. */
export function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let current = true;
    void whenIdle().then(() => current && setIdle(true));
    return () => {
      current = false;
    };
  }, []);
  return idle;
}
