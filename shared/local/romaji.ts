/**
 * Kana to Hepburn romaji (the 修正ヘボン式 of passports and station signs, long vowels written out: おおさか
 * → oosaka, とう → tou), for the reading shown beside a Japanese-only name on English and Vietnamese pages.
 * Runs on the server when a row is saved; the client only shows the result.
 */

const table: Record<string, string> = {
  あ: "a",
  い: "i",
  う: "u",
  え: "e",
  お: "o",
  か: "ka",
  き: "ki",
  く: "ku",
  け: "ke",
  こ: "ko",
  が: "ga",
  ぎ: "gi",
  ぐ: "gu",
  げ: "ge",
  ご: "go",
  さ: "sa",
  し: "shi",
  す: "su",
  せ: "se",
  そ: "so",
  ざ: "za",
  じ: "ji",
  ず: "zu",
  ぜ: "ze",
  ぞ: "zo",
  た: "ta",
  ち: "chi",
  つ: "tsu",
  て: "te",
  と: "to",
  だ: "da",
  ぢ: "ji",
  づ: "zu",
  で: "de",
  ど: "do",
  な: "na",
  に: "ni",
  ぬ: "nu",
  ね: "ne",
  の: "no",
  は: "ha",
  ひ: "hi",
  ふ: "fu",
  へ: "he",
  ほ: "ho",
  ば: "ba",
  び: "bi",
  ぶ: "bu",
  べ: "be",
  ぼ: "bo",
  ぱ: "pa",
  ぴ: "pi",
  ぷ: "pu",
  ぺ: "pe",
  ぽ: "po",
  ま: "ma",
  み: "mi",
  む: "mu",
  め: "me",
  も: "mo",
  や: "ya",
  ゆ: "yu",
  よ: "yo",
  ら: "ra",
  り: "ri",
  る: "ru",
  れ: "re",
  ろ: "ro",
  わ: "wa",
  ゐ: "i",
  ゑ: "e",
  を: "o",
  ん: "n",
  ゔ: "vu",
  ぁ: "a",
  ぃ: "i",
  ぅ: "u",
  ぇ: "e",
  ぉ: "o",
  ゃ: "ya",
  ゅ: "yu",
  ょ: "yo",
  ゎ: "wa",
};
/** Two kana read as one sound: きゃ kya, しゃ sha, ちゃ cha, ふぁ fa, てぃ ti … */
const pairs: Record<string, string> = {
  しゃ: "sha",
  しゅ: "shu",
  しょ: "sho",
  しぇ: "she",
  じゃ: "ja",
  じゅ: "ju",
  じょ: "jo",
  じぇ: "je",
  ちゃ: "cha",
  ちゅ: "chu",
  ちょ: "cho",
  ちぇ: "che",
  ぢゃ: "ja",
  ぢゅ: "ju",
  ぢょ: "jo",
  ふぁ: "fa",
  ふぃ: "fi",
  ふぇ: "fe",
  ふぉ: "fo",
  てぃ: "ti",
  でぃ: "di",
  とぅ: "tu",
  どぅ: "du",
  うぃ: "wi",
  うぇ: "we",
  うぉ: "wo",
  ゔぁ: "va",
  ゔぃ: "vi",
  ゔぇ: "ve",
  ゔぉ: "vo",
  つぁ: "tsa",
};
for (const [kana, start] of Object.entries({ き: "k", ぎ: "g", に: "n", ひ: "h", び: "b", ぴ: "p", み: "m", り: "r" }))
  for (const [small, vowel] of [
    ["ゃ", "a"],
    ["ゅ", "u"],
    ["ょ", "o"],
  ] as const)
    pairs[kana + small] = `${start}y${vowel}`;

/** Katakana to hiragana; other characters unchanged. */
export function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Hiragana to katakana; other characters unchanged. */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Kana (either script) to romaji; a character that is not kana stays as it is. */
export function romaji(kana: string): string {
  const text = toHiragana(kana.normalize("NFKC"));
  let out = "";
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "っ") {
      double = true;
      continue;
    }
    let syllable = pairs[c + (text[i + 1] ?? "")];
    if (syllable) i++;
    else if (c === "ー") syllable = /[aiueo]$/.exec(out)?.[0] ?? "";
    else syllable = table[c] ?? c;
    // ん before a vowel or y is written n' (きんえん kin'en), so it is not read as な行.
    if (out.endsWith("n") && table[text[i - 1] ?? ""] === "n" && /^[aiueoy]/.test(syllable)) out += "'";
    if (double && /^[a-z]/.test(syllable)) out += syllable.startsWith("ch") ? "t" : (syllable[0] as string);
    double = false;
    out += syllable;
  }
  return out;
}
