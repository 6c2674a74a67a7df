/**
 * Keywords of free-text answers, by a real Japanese morphological analyser (kuromoji with the IPA
 * dictionary): runs of nouns are joined into compound nouns — 保育所, 防災訓練, 子育て支援センター —
 * instead of character n-grams. The dictionary (about 18 MB) is loaded on first use, once. Stop
 * words (stop-words.ts: built in and the ward's own) are left out of the counts.
 */
import { type IpadicFeatures, japaneseTokenizer as load } from "../../platform/text/japanese";

/** A noun that can be part of a compound (not a pronoun, a bare number or a dependent noun like こと). */
const joins = (t: IpadicFeatures) => t.pos === "名詞" && !["代名詞", "非自立", "数"].includes(t.pos_detail_1);

/** The compound nouns of a text, each once, in order. Single kana and one-character symbols are left out. */
export async function compoundNouns(text: string): Promise<string[]> {
  const tokens = (await load()).tokenize(text.normalize("NFKC"));
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

/** How many texts use each compound noun, most used first; a stop word (exactly, after NFKC) is left out. */
export async function keywordCounts(
  texts: readonly string[],
  limit = 30,
  stopWords: ReadonlySet<string> = new Set(),
): Promise<{ word: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of await compoundNouns(text)) if (!stopWords.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "ja"))
    .slice(0, limit)
    .map(([word, count]) => ({ word, count }));
}
