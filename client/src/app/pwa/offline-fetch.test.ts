/**
 * A GET asked for early (app/early.ts: a survey's page asks for its survey before its script has run) answers the
 * page's own request for the same address once, and only while fresh; every other request goes to the network.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

let now = 0;
let sent: string[] = [];

beforeEach(() => {
  now = 1000;
  sent = [];
  vi.stubGlobal("location", { href: "https://app.test/surveys/0190" });
  vi.stubGlobal("navigator", {});
  vi.stubGlobal("performance", { now: () => now });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      sent.push(String(input));
      return new Response(JSON.stringify({ n: sent.length }));
    }),
  );
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("askEarly", () => {
  it("answers the page's first GET of the same address with the early request, and the next from the network", async () => {
    const { askEarly, offlineFetch } = await import("./offline-fetch");
    askEarly("/api/surveys/0190");
    expect(sent).toEqual(["https://app.test/api/surveys/0190"]);

    const first = await offlineFetch("https://app.test/api/surveys/0190", { method: "GET" });
    expect(await first.json()).toEqual({ n: 1 });
    expect(sent).toHaveLength(1);

    const second = await offlineFetch("https://app.test/api/surveys/0190");
    expect(await second.json()).toEqual({ n: 2 });
    expect(sent).toHaveLength(2);
  });

  it("is not used once stale, nor for another address or a write", async () => {
    const { askEarly, offlineFetch } = await import("./offline-fetch");
    askEarly("/api/surveys/0190");
    await offlineFetch("https://app.test/api/surveys/0191");
    await offlineFetch("https://app.test/api/surveys/0190", { method: "POST" });
    expect(sent).toHaveLength(3);

    now += 15_001;
    const late = await offlineFetch("https://app.test/api/surveys/0190");
    expect(await late.json()).toEqual({ n: 4 });
    expect(sent).toHaveLength(4);
  });

  it("leaves a failed early request to the page, as its own failure", async () => {
    const { askEarly, offlineFetch } = await import("./offline-fetch");
    vi.mocked(fetch).mockRejectedValueOnce(new TypeError("Failed to fetch"));
    askEarly("/api/surveys/0190");
    await expect(offlineFetch("https://app.test/api/surveys/0190")).rejects.toThrow("Failed to fetch");
    // Its retry goes to the network (the failed early request never reached it).
    expect(await (await offlineFetch("https://app.test/api/surveys/0190")).json()).toEqual({ n: 1 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
