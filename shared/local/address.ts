/**
 * Finding a 町会 from an address as residents type it: full-width digits, kanji numerals before 丁目
 * (扇町二丁目), spaces and the city's name all vary, so both sides are normalised before matching.
 */
const kanjiDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function kanjiNumber(text: string): number {
  if (text === "十") return 10;
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  return (tens ? (kanjiDigits[tens] ?? 1) : text.includes("十") ? 1 : 0) * 10 + (ones ? (kanjiDigits[ones] ?? 0) : 0);
}

export function normaliseAddress(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/(\d)[‐‑‒–—―−ー](?=\d)/g, "$1-")
    .replace(/([一二三四五六七八九十]+)丁目/g, (_, n: string) => `${kanjiNumber(n)}丁目`)
    .replace(/^(大阪府)?(大阪市)?/, "");
}

/** The items whose 丁目 appear in the address, best (longest) match first. */
export function byAddress<T extends { chome: string[] }>(items: readonly T[], address: string): T[] {
  const wanted = normaliseAddress(address);
  if (wanted.length < 2) return [];
  const score = (item: T) =>
    Math.max(0, ...item.chome.map(normaliseAddress).map((c) => (wanted.includes(c) || c.startsWith(wanted) ? c.length : 0)));
  return items
    .map((item) => ({ item, score: score(item) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.item);
}
