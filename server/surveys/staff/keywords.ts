/**
 * Keywords of free-text answers, by a real Japanese morphological analyser (kuromoji with the IPA
 * dictionary): runs of nouns are joined into compound nouns — 保育所, 防災訓練, 子育て支援センター —
 * instead of character n-grams. The analyser runs on a thread of its own (platform/text/japanese.ts). Stop
 * words (stop-words.ts: built in and the ward's own) are left out of the counts.
 */
import { type Token, tokenize } from "../../platform/text/japanese";

/** A noun that can be part of a compound (not a pronoun, a bare number or a dependent noun like こと). */
const joins = (t: Token) => t.pos === "名詞" && !["代名詞", "非自立", "数"].includes(t.pos_detail_1);

/** The compound nouns of a text's tokens, each once, in order. Single kana and one-character symbols are left out. */
function compoundsOf(tokens: readonly Token[]): string[] {
  const found: string[] = [];
  let run = "";
  const end = () => {
    if (run && !/^[\p{Script=Hiragana}\p{Script=Katakana}ー]$/u.test(run) && !/^[\p{P}\p{S}\d]+$/u.test(run) && !found.includes(run))
      found.push(run);
    run = "";
  };
  for (const token of tokens) {
    if (joins(token) || (run && token.pos === "名詞" && token.pos_detail_1 === "接尾")) run += token.surface_form;
    else end();
  }
  end();
  return found;
}

/** The compound nouns of a text, each once, in order. */
export async function compoundNouns(text: string): Promise<string[]> {
  const [tokens = []] = await tokenize([text.normalize("NFKC")]);
  return compoundsOf(tokens);
}

/** Texts sent to the analyser at once: their tokens are held only until counted. */
const textsAtOnce = 200;

/** How many texts use each compound noun, most used first; a stop word (exactly, after NFKC) is left out. */
export async function keywordCounts(
  texts: readonly string[],
  limit = 30,
  stopWords: ReadonlySet<string> = new Set(),
): Promise<{ word: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (let i = 0; i < texts.length; i += textsAtOnce) {
    const tokens = await tokenize(texts.slice(i, i + textsAtOnce).map((text) => text.normalize("NFKC")));
    for (const word of tokens.flatMap(compoundsOf)) if (!stopWords.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "ja"))
    .slice(0, limit)
    .map(([word, count]) => ({ word, count }));
}
