/**
 * What a phone shows for a push: for a timeline notice, the personal sentence worked out here from
 * the children kept on this device (「ゆいちゃんの3か月児健診の時期です」) — the server only knew the
 * cohort month. Pure, so the service worker and the unit tests share it.
 */
import type { Day } from "../../../shared/childcare/dates";
import { type Child, childrenForNotice } from "../../../shared/childcare/timeline";
import type { PushPayload } from "../../../shared/notices/schemas";

export interface Shown {
  id: string;
  title: string;
  body: string;
  url: string;
  lang: string | undefined;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);

/** A structural check of what arrived (no zod in the worker): the fields the phone uses, of the right types. */
export function isPushPayload(value: unknown): value is PushPayload {
  const p = value as Record<string, unknown> | null;
  if (typeof p !== "object" || p === null || p.v !== 1 || typeof p.id !== "string" || typeof p.url !== "string") return false;
  if (!p.url.startsWith("/")) return false;
  if (p.kind === "broadcast") return typeof p.title === "string" && typeof p.body === "string";
  if (p.kind !== "timeline") return false;
  const words = p.words as Record<string, unknown> | null;
  return (
    typeof p.item === "string" &&
    typeof p.cohort === "string" &&
    typeof p.start === "string" &&
    typeof words === "object" &&
    words !== null &&
    ["item", "open", "upcoming", "fallback", "child", "join", "title", "lang"].every((k) => typeof words[k] === "string")
  );
}

/**
 * The notification for a payload. A timeline notice names the children of its cohort whose window
 * opens within its month and who have not ticked the item off: "now" when the window is open
 * today, "from <date>" when it opens later this month; with no such child here, the general line.
 */
export function compose(payload: PushPayload, children: readonly Child[], done: ReadonlySet<string>, today: Day): Shown {
  if (payload.kind === "broadcast") return { id: payload.id, title: payload.title, body: payload.body, url: payload.url, lang: undefined };
  const { words } = payload;
  const told = childrenForNotice(children, payload.cohort, payload.item, payload.start).filter(
    (c) => !done.has(`${c.child.id}:${payload.item}`),
  );
  const names = (list: typeof told) => list.map((c) => fill(words.child, { name: c.child.nickname })).join(words.join);
  const open = told.filter((c) => c.start <= today);
  const later = told.filter((c) => c.start > today);
  let body: string;
  if (open.length > 0) body = fill(words.open, { names: names(open), item: words.item });
  else if (later.length > 0) {
    const first = later.map((c) => c.start).sort()[0] as Day;
    const date = new Intl.DateTimeFormat(words.lang, { month: "long", day: "numeric", timeZone: "UTC" }).format(
      new Date(`${first}T00:00:00Z`),
    );
    body = fill(words.upcoming, { names: names(later), item: words.item, date });
  } else body = fill(words.fallback, { item: words.item });
  return { id: payload.id, title: words.title, body, url: payload.url, lang: words.lang };
}
