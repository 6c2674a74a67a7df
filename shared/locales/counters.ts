/**
 * Counters read as Japanese reads them, in furigana. A string says `{{count}}{分|ふん}`, but 1分 is いっぷん
 * and 3分 さんぷん, and 1人 is ひとり, not いちにん: the counter's reading depends on the number before it.
 * readCounters() rewrites the reading of each counter that follows a number, after the number is filled in.
 * The sound change sits on the counter (the digits have no furigana), so 1分 gets ぷん and 2分 ふん; for
 * 1人 and 2人 the whole is read as one word, so the number goes inside the ruby: {1人|ひとり}.
 */

/** The counter's reading after the number `n` (its digits), or a reading for number and counter together. */
type Rule = (n: number) => string | { whole: string };

const lastDigit = (n: number) => n % 10;
/** 10, 100: じゅっ, ひゃっ (a small っ before p/k); 1000, 10000: せん, まん (no small っ). */
const geminates = (n: number) => {
  const d = lastDigit(n);
  if (d !== 0) return d === 1 || d === 6 || d === 8;
  return n % 1000 !== 0;
};

const rules: Record<string, Rule> = {
  人: (n) => (n === 1 ? { whole: "ひとり" } : n === 2 ? { whole: "ふたり" } : "にん"),
  // いっぷん, さんぷん, よんぷん, ろっぷん, はっぷん, じゅっぷん; にふん, ごふん, ななふん, きゅうふん; せんぷん.
  分: (n) => ([2, 5, 7, 9].includes(lastDigit(n)) ? "ふん" : "ぷん"),
  分間: (n) => ([2, 5, 7, 9].includes(lastDigit(n)) ? "ふんかん" : "ぷんかん"),
  // いっぽん, さんぼん, ろっぽん, はっぽん, じゅっぽん; にほん, よんほん; せんぼん.
  本: (n) => (geminates(n) ? "ぽん" : lastDigit(n) === 3 || n % 1000 === 0 ? "ぼん" : "ほん"),
  // さんがい (3階), others かい.
  階: (n) => (lastDigit(n) === 3 ? "がい" : "かい"),
  // さんげん (3軒), others けん.
  軒: (n) => (lastDigit(n) === 3 ? "げん" : "けん"),
};

const counter = new RegExp(`(\\d[\\d,]*)\\{(${Object.keys(rules).join("|")})\\|[^{}|]+\\}`, "g");

export function readCounters(text: string): string {
  if (!text.includes("{")) return text;
  return text.replace(counter, (_, digits: string, kanji: string) => {
    const n = Number(digits.replace(/,/g, ""));
    const reading = (rules[kanji] as Rule)(n);
    return typeof reading === "string" ? `${digits}{${kanji}|${reading}}` : `{${digits}${kanji}|${reading.whole}}`;
  });
}
