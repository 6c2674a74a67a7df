/**
 * A small path router: five tabs and a not-found page need no library. Links are real <a href>
 * (open in a new tab, copy, keyboard all work); a plain click is turned into pushState.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";

export const routes = ["/surveys", "/places", "/community", "/childcare", "/settings"] as const;
export type RoutePath = (typeof routes)[number];

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
};

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, "", path);
  for (const listener of listeners) listener();
}

export function usePath(): string {
  const path = useSyncExternalStore(subscribe, () => location.pathname);
  return path === "/" ? "/surveys" : path;
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
