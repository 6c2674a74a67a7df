/**
 * An iCalendar (RFC 5545) file for a 通いの場: one repeating event per schedule rule, in Japan time,
 * with the dates it does not meet as EXDATE — so a phone's calendar shows every meeting, not one.
 */
import { jstZone } from "../time";
import { skipsDate } from "./closed-days";
import { type Schedule, type ScheduleRule, upcoming } from "./schedule";

const days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

/** Text as RFC 5545 wants it: backslash, semicolon, comma and newline escaped. */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets are folded (a CRLF and a space), never inside a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  for (const char of line) {
    if (new TextEncoder().encode(current + char).length > 75) {
      parts.push(current);
      current = ` ${char}`;
    } else current += char;
  }
  parts.push(current);
  return parts.join("\r\n");
}

export interface IcsEvent {
  uid: string;
  title: string;
  location: string;
  description: string;
  url?: string | null;
  schedule: Schedule;
  /** Each rule's series starts at its first meeting from this moment. */
  from: Date;
}

/** The rule's dates in the coming year that fall on 年末年始 or a holiday the schedule skips: a calendar has no rule for them. */
function skippedDates(rule: ScheduleRule, skip: Schedule["skip"], from: Date): string[] {
  if (!skip?.length) return [];
  const all = upcoming({ rules: [rule] }, from, 60, 370).map((o) => o.date);
  return all.filter((date) => skipsDate(skip, date));
}

export function icsFor(event: IcsEvent): string {
  const compact = (date: string) => date.replaceAll("-", "");
  const time = (hhmm: string) => `${hhmm.replace(":", "")}00`;
  const stamp = `${event.from.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Machikoe//まちの声//JA",
    "CALSCALE:GREGORIAN",
    "BEGIN:VTIMEZONE",
    `TZID:${jstZone}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "TZNAME:JST",
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
  event.schedule.rules.forEach((rule, i) => {
    const first = upcoming({ ...event.schedule, rules: [rule] }, event.from, 1, 400)[0]?.date;
    if (!first) return;
    // A fifth weekday (5TU) simply does not occur in months without one, as the schedule means.
    const byDay = rule.weeks ? rule.weeks.map((w) => `${w}${days[rule.weekday]}`).join(",") : days[rule.weekday];
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}-${i}@machikoe`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${jstZone}:${compact(first)}T${time(rule.start)}`,
      `DTEND;TZID=${jstZone}:${compact(first)}T${time(rule.end)}`,
      `RRULE:FREQ=${rule.weeks ? "MONTHLY" : "WEEKLY"};BYDAY=${byDay}`,
      ...[...(event.schedule.except ?? []), ...skippedDates(rule, event.schedule.skip, event.from)].map(
        (date) => `EXDATE;TZID=${jstZone}:${compact(date)}T${time(rule.start)}`,
      ),
      `SUMMARY:${escapeText(event.title)}`,
      `LOCATION:${escapeText(event.location)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      ...(event.url ? [`URL:${event.url}`] : []),
      "END:VEVENT",
    );
  });
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
