/**
 * Stop words of the free-text keywords: compound nouns that say nothing about what residents want
 * (空き, 夜, 早め …), left out of the keyword counts. A built-in list, and a list each ward extends
 * in the console. A stop word drops only that exact word: 空き leaves 空き家 in.
 */
import { z } from "zod/mini";
import { WardCode } from "../../wards/schemas";

/** The built-in stop words: times, amounts and words of manner that the analyser takes for nouns. */
export const builtInStopWords: readonly string[] = [
  "空き",
  "夜",
  "朝",
  "昼",
  "夕方",
  "早め",
  "遅め",
  "多め",
  "少なめ",
  "今",
  "今回",
  "今後",
  "最近",
  "以前",
  "前",
  "後",
  "時",
  "方",
  "件",
  "感じ",
  "場合",
  "必要",
  "以上",
  "以下",
  "自分",
  "私",
  "皆",
  "皆さん",
  "何",
  "他",
  "全部",
  "全体",
  "一番",
  "本当",
  "普通",
  "特",
  "毎日",
  "毎回",
  "部分",
  "程度",
  "色々",
  "いろいろ",
  "大変",
  "ため",
  "よう",
  "ところ",
  "もの",
  "事",
  "物",
  "様",
  "点",
  "中",
  "等",
];

/** How many stop words one ward may add (the keyword list stays readable and the check stays cheap). */
export const maxStopWordsPerWard = 200;

export const StopWordInput = z.object({
  /** A city administrator names the ward; ward staff always keep their own. */
  ward: z.optional(WardCode),
  word: z.string().check(
    z.normalize("NFKC"),
    z.trim(),
    z.minLength(1),
    z.maxLength(40),
    z.refine((w) => !/\s/.test(w), { message: "one word, without spaces" }),
  ),
});
export type StopWordInput = z.infer<typeof StopWordInput>;

export const StopWordList = z.object({
  ward: WardCode,
  builtIn: z.array(z.string()),
  /** The ward's own, in the order they were added. */
  words: z.array(z.string()),
  max: z.int(),
});
export type StopWordList = z.infer<typeof StopWordList>;
