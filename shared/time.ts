/** Times in Japan Standard Time (UTC+9, no daylight saving), as the city writes them. */
const jstOffsetMs = 9 * 60 * 60 * 1000;

/** ISO 8601 in JST, e.g. 2026-12-02T14:00:00+09:00. */
export function toJstIso(date: Date): string {
  return `${new Date(date.getTime() + jstOffsetMs).toISOString().slice(0, 19)}+09:00`;
}
