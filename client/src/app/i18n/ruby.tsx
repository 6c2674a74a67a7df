/**
 * Furigana on screen: <RubyText> renders `{漢字|かんじ}` as <ruby>漢字<rt>かんじ</rt></ruby>. The markup
 * is parsed by shared/locales/ruby.ts (the server strips it with the same code); plainText is passed
 * on from there for the client's attributes (aria-label, title) and <option> labels.
 */
import { Fragment, type ReactNode } from "react";
import { parseRuby } from "../../../../shared/locales/ruby";

export { plainText } from "../../../../shared/locales/ruby";

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
