/**
 * Furigana markup, as やさしい日本語 strings and ward names carry it: `{漢字|かんじ}`. The one parser,
 * for every side: the client renders the parts as <ruby> (client/src/app/i18n/ruby.tsx), and
 * plainText() gives the base text where markup cannot go (attributes, <option> labels, push
 * notifications).
 * Strings without markup pass through unchanged.
 */
export type RubyPart = string | { base: string; reading: string };

const marked = /\{([^{}|]+)\|([^{}|]+)\}/g;

/** The text as plain runs and base/reading pairs, in order. */
export function parseRuby(text: string): RubyPart[] {
  const parts: RubyPart[] = [];
  let last = 0;
  for (const match of text.matchAll(marked)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ base: match[1] as string, reading: match[2] as string });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** `{漢字|かんじ}` → 漢字: the text without its readings. */
export function plainText(text: string): string {
  return text.replace(marked, "$1");
}
