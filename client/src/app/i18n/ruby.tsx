/**
 * Furigana on screen: <RubyText> renders `{漢字|かんじ}` as <ruby>漢字<rt>かんじ</rt></ruby>. The markup
 * is parsed by shared/locales/ruby.ts (the server strips it with the same code); plainText is passed
 * on from there for the client's attributes (aria-label, title) and <option> labels.
 */
import { Fragment, type ReactNode } from "react";
import { readCounters } from "../../../../shared/locales/counters";
import { parseRuby } from "../../../../shared/locales/ruby";

export { plainText } from "../../../../shared/locales/ruby";

/** Before a ruby: a number (a counter's: 3{問目|もんめ}) or an honorific prefix (お{知|し}らせ) that belongs to its word. */
const attachedBefore = /(?:[0-9０-９]+(?:[/／][0-9０-９]+)?|[おご])$/;
/** After a ruby: its okurigana, or a particle that reads with it (at most four kana). */
const attachedAfter = /^[ぁ-ゖー]{1,4}/;

/** A word: what sits before its ruby, the ruby, and its okurigana, kept on one line. */
interface Word {
  before: string;
  rubies: { base: string; reading: string }[];
  after: string;
}

/** The parts grouped into plain runs and words, so that no line break falls inside a word with furigana. */
export function rubyWords(text: string): (string | Word)[] {
  const out: (string | Word)[] = [];
  // A counter's reading follows its number (1分 いっぷん, 1人 ひとり): shared/locales/counters.ts.
  const parts = parseRuby(readCounters(text));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as (typeof parts)[number];
    if (typeof part === "string") {
      out.push(part);
      continue;
    }
    const word: Word = { before: "", rubies: [part], after: "" };
    const previous = out.at(-1);
    if (typeof previous === "string") {
      const before = previous.match(attachedBefore)?.[0] ?? "";
      word.before = before;
      if (before) out[out.length - 1] = previous.slice(0, previous.length - before.length);
    }
    // Consecutive rubies ({地域|ちいき}{活動|かつどう}{協議会|きょうぎかい}) are a compound's parts: a line may break
    // between them, or a long compound could not fit a narrow screen at large text.
    const next = parts[i + 1];
    if (typeof next === "string") {
      word.after = next.match(attachedAfter)?.[0] ?? "";
      parts[i + 1] = next.slice(word.after.length);
    }
    out.push(word);
  }
  return out.filter((part) => part !== "");
}

/**
 * A text with furigana is one inline box: in a flex container (a button, a chip) its words would otherwise
 * each become a flex item, laid out and wrapped apart from each other.
 */
export function RubyText({ text }: { text: string }): ReactNode {
  const words = rubyWords(text);
  if (words.every((part) => typeof part === "string")) return words.join("");
  return <span className="ruby-text">{renderWords(words)}</span>;
}

function renderWords(words: (string | Word)[]): ReactNode {
  // Chromium never breaks a line between two nowrap boxes, nor between one and the text beside it:
  // a <wbr> marks each edge of a word as a place the line may break.
  return words.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never reorder
    <Fragment key={i}>
      {i > 0 && (typeof part !== "string" || typeof words[i - 1] !== "string") && <wbr />}
      {typeof part === "string" ? (
        part
      ) : (
        <span className="ruby-word">
          {part.before}
          {part.rubies.map((ruby, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rubies of one word never reorder
            <ruby key={j}>
              {ruby.base}
              <rp>(</rp>
              <rt>{ruby.reading}</rt>
              <rp>)</rp>
            </ruby>
          ))}
          {part.after}
        </span>
      )}
    </Fragment>
  ));
}
