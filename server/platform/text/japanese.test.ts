import { afterEach, describe, expect, it, vi } from "vitest";
import { JapaneseAnalyser } from "./japanese";

let analyser: JapaneseAnalyser;
afterEach(async () => {
  vi.useRealTimers();
  await analyser.close();
});

describe("the Japanese analyser", () => {
  it("answers each of many texts with its words, their readings and parts of speech", async () => {
    analyser = new JapaneseAnalyser();
    const [place, empty, unknown] = await analyser.tokenize(["大阪市北区の子育て支援センター", "", "ｘｙｚｚｙ"]);
    expect(place?.map((t) => t.surface_form).join("")).toBe("大阪市北区の子育て支援センター");
    expect(place?.[0]).toEqual({ surface_form: "大阪", reading: "オオサカ", pos: "名詞", pos_detail_1: "固有名詞" });
    expect(place?.find((t) => t.surface_form === "の")).toMatchObject({ pos: "助詞" });
    expect(empty).toEqual([]);
    // A word the dictionary does not know has no reading (kuromoji's "*" is not passed on).
    expect(unknown?.every((t) => t.reading === undefined)).toBe(true);
  }, 30_000);

  it("keeps texts in order across many messages, and builds one dictionary for concurrent callers", async () => {
    analyser = new JapaneseAnalyser();
    // 150 characters each: about 18,000 characters a caller, more than one message carries.
    const texts = Array.from({ length: 120 }, (_, i) => `${"椅子を使って体を動かします。".repeat(10)}第${i}回`);
    const callers = await Promise.all(Array.from({ length: 20 }, (_, caller) => analyser.tokenize([`${caller}番目の公園`, ...texts])));
    expect(analyser.starts).toBe(1);
    for (const [caller, tokens] of callers.entries()) {
      expect(tokens).toHaveLength(121);
      expect(tokens.map((t) => t.map((token) => token.surface_form).join(""))).toEqual([`${caller}番目の公園`, ...texts]);
    }
  }, 60_000);

  it("ends its thread after the idle time without a job, and a job after that starts a new one that still works", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    analyser = new JapaneseAnalyser({ idleMs: 60_000 });
    expect(analyser.running).toBe(false);
    await analyser.tokenize(["通いの場"]);
    vi.advanceTimersByTime(30_000);
    // A job within the minute keeps the same thread, and the minute starts again from it.
    expect((await analyser.tokenize(["町会"]))[0]?.[0]?.reading).toBe("チョウカイ");
    vi.advanceTimersByTime(59_000);
    expect(analyser.running).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(analyser.running).toBe(false);
    expect(analyser.starts).toBe(1);
    const [again] = await analyser.tokenize(["地域活動協議会"]);
    expect(again?.map((t) => t.surface_form)).toEqual(["地域", "活動", "協議", "会"]);
    expect(analyser.starts).toBe(2);
    expect(analyser.running).toBe(true);
  }, 60_000);

  it("ends its thread once released, at once when idle and else when its last job is done", async () => {
    analyser = new JapaneseAnalyser();
    await analyser.tokenize(["区政会議"]);
    analyser.release();
    expect(analyser.running).toBe(false);
    const busy = analyser.tokenize(Array.from({ length: 50 }, () => "防災訓練の案内を早めにしてください。"));
    analyser.release();
    expect(analyser.running).toBe(true);
    expect(await busy).toHaveLength(50);
    expect(analyser.running).toBe(false);
    expect(analyser.starts).toBe(2);
  }, 60_000);

  it("fails the jobs of a thread that dies with a clear error, and runs the next job on a fresh thread", async () => {
    analyser = new JapaneseAnalyser();
    const dying = analyser.tokenize(Array.from({ length: 200 }, () => "保育所を増やしてほしい。"));
    await analyser.close();
    await expect(dying).rejects.toThrow(/Japanese analyser's thread failed: worker thread ended/);
    expect((await analyser.tokenize(["保育所"]))[0]?.map((t) => t.reading).join("")).toBe("ホイクショ");
    expect(analyser.starts).toBe(2);
  }, 60_000);

  it("fails with a clear error when its thread runs out of memory, and tries a fresh thread for the next job", async () => {
    // 48 MB of heap cannot hold the dictionary (it needs about 80 MB): the thread dies building it.
    analyser = new JapaneseAnalyser({ heapMb: 48 });
    await expect(analyser.tokenize(["大阪"])).rejects.toThrow(/Japanese analyser's thread failed: .*memory limit/);
    expect(analyser.running).toBe(false);
    await expect(analyser.tokenize(["大阪"])).rejects.toThrow(/memory limit/);
    expect(analyser.starts).toBe(2);
  }, 60_000);
});
