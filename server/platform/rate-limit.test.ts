import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 6, 3, 0, 0) + seconds * 1000);

describe("the in-memory rate limiter", () => {
  it("counts an address's attempts within its minute, and starts again the next minute", () => {
    const limiter = new RateLimiter();
    const count = (address: string, seconds: number) => limiter.count({ scope: "responses", address, now: at(seconds) });
    expect([count("a", 0), count("a", 10), count("b", 20), count("a", 59)]).toEqual([1, 2, 1, 3]);
    expect(count("a", 60)).toBe(1);
  });

  it("counts copies of one attempt once", () => {
    const limiter = new RateLimiter();
    const count = (once: string) => limiter.count({ scope: "joins", address: "a", now: at(0), once });
    expect([count("r1"), count("r1"), count("r1"), count("r2"), count("r1")]).toEqual([1, 1, 1, 2, 2]);
  });

  it("keeps scopes apart", () => {
    const limiter = new RateLimiter();
    expect(limiter.count({ scope: "x", address: "a", now: at(0) })).toBe(1);
    expect(limiter.count({ scope: "y", address: "a", now: at(0) })).toBe(1);
  });

  it("drops an ended minute on the timer's sweep: nothing of it is kept", () => {
    const limiter = new RateLimiter();
    limiter.count({ scope: "x", address: "a", now: at(0) });
    expect(limiter.size).toBe(1);
    limiter.sweep(at(30).getTime());
    expect(limiter.size).toBe(1);
    limiter.sweep(at(61).getTime());
    expect(limiter.size).toBe(0);
  });
});
