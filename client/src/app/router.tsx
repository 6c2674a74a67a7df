/**
 * A small path router: a handful of pages need no library. Links are real <a href> (open in a
 * new tab, copy, keyboard all work); a plain click is turned into pushState.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";
import { uuidPattern } from "../../../shared/surveys/page-path";

export const sections = ["/surveys", "/places", "/community", "/childcare", "/settings"] as const;
export type Section = (typeof sections)[number];

export type Route =
  | { page: "surveys" }
  | { page: "myAnswers" }
  | { page: "survey"; id: string; code: string | null }
  /** コードを入力 (/surveys/code), or a letter's short link (/c/CODE) with its code. */
  | { page: "code"; code: string | null }
  | { page: "results"; id: string }
  | { page: "places" }
  | { page: "place"; id: string }
  | { page: "association"; id: string }
  | { page: "council"; id: string }
  | { page: "community" }
  | { page: "childcare" }
  | { page: "settings" }
  | { page: "notFound" };

export function matchRoute(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/surveys";
  if (path === "/" || path === "/surveys") return { page: "surveys" };
  if (path === "/surveys/mine") return { page: "myAnswers" };
  if (path === "/surveys/code") return { page: "code", code: null };
  const short = path.match(/^\/c\/([^/]{1,64})$/);
  if (short) return { page: "code", code: safeDecode(short[1] as string) };
  const survey = path.match(new RegExp(`^/surveys/(${uuidPattern})(/results)?$`));
  if (survey) {
    const id = survey[1] as string;
    return survey[2] ? { page: "results", id } : { page: "survey", id, code: new URLSearchParams(search).get("code") };
  }
  const place = path.match(new RegExp(`^/places/(${uuidPattern})$`));
  if (place) return { page: "place", id: place[1] as string };
  const community = path.match(new RegExp(`^/community/(associations|councils)/(${uuidPattern})$`));
  if (community) return { page: community[1] === "associations" ? "association" : "council", id: community[2] as string };
  for (const page of ["places", "community", "childcare", "settings"] as const) if (path === `/${page}`) return { page };
  return { page: "notFound" };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The bottom-navigation section a path belongs to (a letter's short link, /c/CODE: アンケート). */
export function sectionOf(pathname: string): Section | null {
  if (pathname === "/" || pathname.startsWith("/c/")) return "/surveys";
  return sections.find((section) => pathname === section || pathname.startsWith(`${section}/`)) ?? null;
}

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  window.addEventListener("hashchange", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
    window.removeEventListener("hashchange", listener);
  };
};

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search + location.hash) return;
  if (options.replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  for (const listener of listeners) listener();
}

/** The current location: pathname, "?search" and "#hash" (each "" when absent). */
export function useLocation(): { pathname: string; search: string; hash: string } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + location.search + location.hash);
  const [beforeHash = "", hash = ""] = href.split(/#(.*)/s);
  const [pathname, search = ""] = beforeHash.split("?");
  return { pathname: pathname ?? "/", search: search ? `?${search}` : "", hash: hash ? `#${hash}` : "" };
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
