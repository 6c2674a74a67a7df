import { describe, expect, it } from "vitest";
import type { Child } from "../../../shared/childcare/timeline";
import type { PushPayload, TimelineWords } from "../../../shared/notices/schemas";
import { compose, isPushPayload } from "./compose";

const words: TimelineWords = {
  item: "3か月児健診",
  open: "{{names}}の{{item}}の時期です",
  upcoming: "{{names}}の{{item}}は{{date}}からです",
  fallback: "{{item}}の時期です。子育てタイムラインで確かめてください。",
  child: "{{name}}ちゃん",
  join: "・",
  title: "子育てのお知らせ",
  lang: "ja",
};
const notice: PushPayload = {
  v: 1,
  id: "n1",
  kind: "timeline",
  item: "checkup_3m",
  cohort: "born:2026-08",
  start: "2026-11-01",
  url: "/childcare#item-checkup_3m",
  words,
  sentAt: "2026-11-01T00:30:00.000Z",
};
const yui: Child = { id: "a", nickname: "ゆい", kind: "born", date: "2026-08-01" };
const sora: Child = { id: "b", nickname: "そら", kind: "born", date: "2026-08-20" };
const umi: Child = { id: "c", nickname: "うみ", kind: "born", date: "2026-08-20" };
const elder: Child = { id: "d", nickname: "あお", kind: "born", date: "2024-02-10" };

describe("the notification a push becomes", () => {
  it("names the child whose window is open today", () => {
    expect(compose(notice, [yui, elder], new Set(), "2026-11-01")).toEqual({
      id: "n1",
      title: "子育てのお知らせ",
      body: "ゆいちゃんの3か月児健診の時期です",
      url: "/childcare#item-checkup_3m",
      lang: "ja",
    });
  });

  it("gives twins born later in the month the day their window opens", () => {
    expect(compose(notice, [sora, umi], new Set(), "2026-11-01").body).toBe("そらちゃん・うみちゃんの3か月児健診は11月20日からです");
  });

  it("leaves out a child who has ticked the item off, and falls back to the general line when nobody is left", () => {
    expect(compose(notice, [yui, sora], new Set(["a:checkup_3m"]), "2026-11-01").body).toBe("そらちゃんの3か月児健診は11月20日からです");
    expect(compose(notice, [elder], new Set(), "2026-11-01").body).toBe("3か月児健診の時期です。子育てタイムラインで確かめてください。");
  });

  it("tells an expecting parent by the due date kept on the phone", () => {
    const due: Child = { id: "m", nickname: "まめ", kind: "due", date: "2027-03-15" };
    const prenatal: PushPayload = {
      ...notice,
      item: "prenatal_checkups",
      cohort: "due:2027-03",
      // The window opens 203 days before the due date: for a child due on 1 March, 10 August 2026.
      start: "2026-08-10",
      words: { ...words, item: "妊婦健康診査" },
    };
    expect(compose(prenatal, [due], new Set(), "2026-08-10").body).toBe("まめちゃんの妊婦健康診査は8月24日からです");
    expect(compose(prenatal, [due], new Set(), "2026-08-24").body).toBe("まめちゃんの妊婦健康診査の時期です");
  });

  it("shows a broadcast as written, and refuses what is not a payload", () => {
    const broadcast: PushPayload = { v: 1, id: "b1", kind: "broadcast", title: "北区", body: "本文", url: "/places", sentAt: "" };
    expect(compose(broadcast, [], new Set(), "2026-11-01")).toMatchObject({ title: "北区", body: "本文", url: "/places" });
    expect(isPushPayload(broadcast)).toBe(true);
    expect(isPushPayload(notice)).toBe(true);
    expect(isPushPayload({ ...broadcast, url: "https://evil.example/" })).toBe(false);
    expect(isPushPayload({ ...notice, words: { ...words, open: 3 } })).toBe(false);
    expect(isPushPayload(null)).toBe(false);
  });
});
