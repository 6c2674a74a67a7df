/**
 * The words of the printed letters, in Japanese (the letters go to every household in Japanese; the
 * app they lead to speaks six languages): the 回答期限 from the survey's closing time, in Japan time,
 * and the sentences that differ between the 依頼状 and the 督促状.
 */
import { jstParts } from "../../../../shared/time";

const weekdays = ["日", "月", "火", "水", "木", "金", "土"];

/**
 * The last moment to answer as a letter prints it: "2026年12月20日（日）" when the survey closes at
 * midnight (the day before is the last whole day), else that day and the time ("…（日）17:00まで").
 */
export function letterDeadline(closesAt: string): string {
  const closes = new Date(closesAt);
  const atMidnight = jstParts(closes).time === "00:00";
  const { date, weekday, time } = jstParts(atMidnight ? new Date(closes.getTime() - 60_000) : closes);
  const [year, month, day] = date.split("-").map(Number);
  const written = `${year}年${month}月${day}日（${weekdays[weekday]}）`;
  return atMidnight ? written : `${written}${time.replace(/^0/, "")}まで`;
}

export type LetterKind = "invitation" | "reminder";

export const letterWords: Record<LetterKind, { heading: (title: string) => string; request: string }> = {
  invitation: {
    heading: (title) => `「${title}」へのご協力のお願い`,
    request:
      "無作為に選ばせていただいた区民の皆さまに、区政への意見をお聞きしています。回答は統計的に処理し、お名前や回答した方が分かる形で公表することはありません。",
  },
  reminder: {
    heading: (title) => `「${title}」へのご回答のお願い（再送）`,
    request:
      "先日、アンケートへのご協力をお願いしました。まだの方は、回答期限までにご回答いただければ幸いです。すでにご回答いただいた方、紙の回答用紙を返送された方には、行き違いをお詫びいたします。",
  },
};
