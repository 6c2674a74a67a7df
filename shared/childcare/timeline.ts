/**
 * 子育てタイムライン: every procedure, check-up and routine vaccination from pregnancy to school entry
 * (the rules summarised in docs/wards.md), as data and pure functions. A child is a due date or a
 * birth date kept on the phone; the timeline works out each item's window from it. Words live in
 * the locale files (childcare.items.<id>), so the rules carry no text.
 *
 * Windows are inclusive days. A "deadline" end is a legal one (出生届: 14 days counting the day of
 * birth); other ends are the recommended or funded period. While a child is expected, items after
 * birth are worked out from the due date and marked estimated; entering the birth date (early or
 * late) moves them to the real date.
 */
import { addDays, addMonths, type Day, daysBetween, yearOf } from "./dates";
import { type Category, nurseryMinimumDays, type Offset, type TimelineItem, timelineItems } from "./items";

/** A child as the parent enters it: a nickname (never a real name) and a due or birth date. */
export interface Child {
  id: string;
  nickname: string;
  /** "due": expected on `date`; "born": born on `date`. */
  kind: "due" | "born";
  date: Day;
  /** Twins or more, while expecting: 妊婦健診 has two more funded check-ups. */
  multiple?: boolean;
}

export type Status = "upcoming" | "due" | "overdue" | "done";

export interface Entry {
  child: string;
  item: string;
  category: Category;
  start: Day;
  end: Day;
  deadline: boolean;
  /** Worked out from the due date: it moves once the birth date is entered. */
  estimated: boolean;
  status: Status;
}

const shift = (day: Day, offset: Offset) => addDays(addMonths(day, offset.months ?? 0), offset.days ?? 0);

/** The year a child born on `birth` starts elementary school: born 2 April–1 April of the next year share a year. */
export function schoolEntryYear(birth: Day): number {
  const year = yearOf(birth);
  return birth.slice(5) >= "04-02" ? year + 7 : year + 6;
}

/** The first April 1 on which a child born on `birth` is old enough for a 保育施設. */
export function nurseryApril(birth: Day): number {
  let year = yearOf(birth);
  while (daysBetween(birth, `${year}-04-01`) < nurseryMinimumDays) year++;
  return year;
}

export function windowOf(item: TimelineItem, child: Child): { start: Day; end: Day } | null {
  const trigger = item.trigger;
  switch (trigger.anchor) {
    case "due":
      return child.kind === "due" ? { start: shift(child.date, trigger.from), end: shift(child.date, trigger.to) } : null;
    case "birth":
      return { start: shift(child.date, trigger.from), end: shift(child.date, trigger.to) };
    case "preschoolYear": {
      const entry = schoolEntryYear(child.date);
      return { start: `${entry - 1}-04-01`, end: `${entry}-03-31` };
    }
    case "nursery": {
      const april = nurseryApril(child.date);
      return { start: `${april - 1}-09-01`, end: `${april - 1}-10-15` };
    }
  }
}

export function statusOf(window: { start: Day; end: Day }, today: Day, done: boolean): Status {
  if (done) return "done";
  if (today < window.start) return "upcoming";
  return today <= window.end ? "due" : "overdue";
}

/**
 * One child's timeline on `today` (a date in Japan). `done` holds the ids of items ticked off.
 * Items of pregnancy go once the child is born; a child expected gets its after-birth items as estimates.
 */
export function timelineFor(child: Child, today: Day, done: ReadonlySet<string> = new Set()): Entry[] {
  return timelineItems.flatMap((item): Entry[] => {
    const window = windowOf(item, child);
    if (!window) return [];
    return [
      {
        child: child.id,
        item: item.id,
        category: item.category,
        ...window,
        deadline: item.deadline,
        estimated: child.kind === "due" && item.trigger.anchor !== "due",
        status: statusOf(window, today, done.has(item.id)),
      },
    ];
  });
}

/** Every child's entries, soonest first: what is overdue, then due, then upcoming, then done. */
export function familyTimeline(children: readonly Child[], today: Day, done: (child: string) => ReadonlySet<string>): Entry[] {
  const order: Record<Status, number> = { overdue: 0, due: 1, upcoming: 2, done: 3 };
  return children
    .flatMap((child) => timelineFor(child, today, done(child.id)))
    .sort((a, b) => order[a.status] - order[b.status] || a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

/** 妊婦健診: the number of publicly funded check-ups (14, or 16 for twins or more). */
export const prenatalCheckups = (child: Child) => (child.multiple ? 16 : 14);

/**
 * The push cohort of a child: its month of birth, or its due month — never a date ("born:2026-11",
 * "due:2027-03"). The server sends to a cohort; the phone works out the personal reminder.
 */
export function cohortOf(child: Child): string {
  return `${child.kind === "due" ? "due" : "born"}:${child.date.slice(0, 7)}`;
}

/**
 * A cohort's notices: for each item, the day its window opens for the cohort's earliest child (the
 * 1st of the month). The server sends on that day; each phone then says whether the window is open
 * for its own child or opens later this month. Where children of one month fall into different
 * years (保育施設 for a child born in early or late February, MR 2期 for 1 or 2 April), the month
 * gets one notice per window: a window opening more than 31 days after the first starts a new one.
 * While expecting, only the pregnancy items and those shown before birth are sent.
 */
export function cohortWindows(cohort: string): { item: string; start: Day }[] {
  const [kind, month] = cohort.split(":") as ["due" | "born", string];
  const first = `${month}-01`;
  const days: Day[] = [];
  for (let day = first; day.startsWith(month); day = addDays(day, 1)) days.push(day);
  return timelineItems.flatMap((item) => {
    if (kind === "due" && item.trigger.anchor !== "due" && !item.beforeBirth) return [];
    const starts = [...new Set(days.map((date) => windowOf(item, { id: "", nickname: "", kind, date })?.start))]
      .filter((start): start is Day => start !== undefined)
      .sort();
    const opened: Day[] = [];
    for (const start of starts) {
      const last = opened.at(-1);
      if (last === undefined || daysBetween(last, start) > 31) opened.push(start);
    }
    return opened.map((start) => ({ item: item.id, start }));
  });
}

/**
 * The children a cohort notice is about: those of the cohort whose own window for the item opens
 * within the 31 days from the notice's start (so a child in the other year's window is not told).
 */
export function childrenForNotice(
  children: readonly Child[],
  cohort: string,
  itemId: string,
  start: Day,
): { child: Child; start: Day; end: Day }[] {
  const item = timelineItems.find((i) => i.id === itemId);
  if (!item) return [];
  return children.flatMap((child) => {
    if (cohortOf(child) !== cohort) return [];
    const window = windowOf(item, child);
    if (!window || window.start < start || daysBetween(start, window.start) > 31) return [];
    return [{ child, ...window }];
  });
}
