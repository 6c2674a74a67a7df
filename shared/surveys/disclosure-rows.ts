/** The shapes disclosure control works on (disclosure.ts) and checks (disclosure-check.ts): a survey's counts, what may be published, and the rows that link them. */

/** One question's counts: for each segment, the count of each key and, last, its respondents ("answered"). */
export interface QuestionCounts {
  id: string;
  keys: readonly string[];
  /** Everyone who answers the survey answers this question (required, no condition): its "answered" is n. */
  alwaysAnswered: boolean;
  /** Each respondent counts under exactly one key (one choice, a rating, a number's range), so a row's keys add up to "answered". */
  keysAddUp: boolean;
  /** The keys are a number question's adjacent ranges, in order ("20–29"): small ones are merged (disclosure-ranges.ts). */
  ranges?: boolean;
  cells: ReadonlyMap<string, readonly number[]>;
}

export interface SurveyCounts {
  /** "all" and each breakdown's segments, written `prefix:value` ("age:30s", "mode:paper"). */
  segments: readonly string[];
  /** Respondents per segment. */
  responses: ReadonlyMap<string, number>;
  questions: readonly QuestionCounts[];
}

/** What may be published: the same shapes, with null for each hidden count. */
export interface Disclosed {
  responses: Map<string, number | null>;
  questions: Map<string, Map<string, (number | null)[]>>;
}

/** What disclosure control publishes: with each question's keys, a number's small ranges merged. */
export interface DisclosedTables extends Disclosed {
  keys: Map<string, readonly string[]>;
}

/** A row of the linked tables: a published segment, or a breakdown's "not given" rest (never published). */
export interface Row {
  segment: string;
  prefix: string | null;
  rest: boolean;
}

const prefixOf = (segment: string) => (segment === "all" ? null : segment.slice(0, segment.indexOf(":")));

/** The rows: "all", then per breakdown its segments and its rest. */
export function rowsOf(segments: readonly string[]): Row[] {
  const prefixes = [...new Set(segments.map(prefixOf).filter((p): p is string => p !== null))];
  const rows: Row[] = [{ segment: "all", prefix: null, rest: false }];
  for (const prefix of prefixes) {
    for (const segment of segments) if (prefixOf(segment) === prefix) rows.push({ segment, prefix, rest: false });
    // Every response is online or on paper: "mode" has no rest. A profile field may be skipped: the others do.
    if (prefix !== "mode") rows.push({ segment: `${prefix}:\u0000rest`, prefix, rest: true });
  }
  return rows;
}
