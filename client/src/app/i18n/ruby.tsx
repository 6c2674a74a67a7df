/**
 * Furigana for やさしい日本語. Strings mark a reading as `{漢字|かんじ}`; <RubyText> renders it as
 * <ruby>漢字<rt>かんじ</rt></ruby>, and plainText() gives the base text for attributes
 * (aria-label, title) where markup cannot go. Strings without markup pass through unchanged.
 */
import { Fragment, type ReactNode } from "react";

export type RubyPart = string | { base: string; reading: string };

const marked = /\{([^{}|]+)\|([^{}|]+)\}/g;

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

export function plainText(text: string): string {
  return text.replace(marked, "$1");
}

export function RubyText({ text }: { text: string }): ReactNode {
  const parts = parseRuby(text);
  return parts.map((part, i) =>
    typeof part === "string" ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never reorder
      <Fragment key={i}>{part}</Fragment>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never reorder
      <ruby key={i}>
        {part.base}
        <rp>(</rp>
        <rt>{part.reading}</rt>
        <rp>)</rp>
      </ruby>
    ),
  );
}
