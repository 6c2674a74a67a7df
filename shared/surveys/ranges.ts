/**
 * A number question's answers are published as fixed ranges, never as the values people gave: a key
 * that exists only because someone answered 87 says that someone answered 87. The ranges follow from
 * the question alone (its min and max, about five of a round width), so they are the same whatever
 * the answers are, and a range is listed only when its count is shown (disclosure.ts).
 */
export interface NumberRange {
  /** "20–29" (both ends included; a width of 1 is the number alone). */
  key: string;
  low: number;
  high: number;
}

const roundWidths = [1, 2, 5];

/** The smallest round width (1, 2, 5, 10, 20, 50, …) that covers the span in at most `bins` ranges. */
function widthFor(span: number, bins: number): number {
  for (let scale = 1; ; scale *= 10) {
    for (const w of roundWidths) if (w * scale * bins >= span) return w * scale;
  }
}

/** The question's ranges over whole numbers (answers are counted rounded), in order. */
export function numberRanges(question: { min: number; max: number }, bins = 5): NumberRange[] {
  const low = Math.floor(question.min);
  const high = Math.max(low, Math.ceil(question.max));
  const width = widthFor(high - low, bins);
  const bounds: [number, number][] = [];
  for (let start = Math.floor(low / width) * width; start <= high; start += width) bounds.push([start, start + width - 1]);
  // A last range holding only the maximum (0–100 by 20s ends at 100) joins the one before: 80–100.
  const last = bounds[bounds.length - 1] as [number, number];
  const before = bounds[bounds.length - 2];
  if (width > 1 && before && last[0] === high) {
    bounds.pop();
    before[1] = high;
  }
  // The ends are the question's own: 0–120 by 50s ends 100–120, never 100–149 (a value no one could give).
  (bounds[0] as [number, number])[0] = Math.max((bounds[0] as [number, number])[0], low);
  (bounds[bounds.length - 1] as [number, number])[1] = Math.min((bounds[bounds.length - 1] as [number, number])[1], high);
  return bounds.map(([from, to]) => ({ key: from === to ? String(from) : `${from}–${to}`, low: from, high: to }));
}

/** The range a counted value (a rounded whole number, stored as its key) falls in; values past the ends go to the end ranges. */
export function rangeOf(ranges: readonly NumberRange[], value: number): NumberRange {
  return ranges.find((r) => value <= r.high) ?? (ranges[ranges.length - 1] as NumberRange);
}

/** The ends of a published range from its key ("20–29", or "7" for a range of one); null for any other key. */
export function rangeOfKey(key: string): { low: number; high: number } | null {
  const match = /^(-?\d+)(?:–(-?\d+))?$/.exec(key);
  if (!match) return null;
  const low = Number(match[1]);
  return { low, high: match[2] === undefined ? low : Number(match[2]) };
}
