import { Hono } from "hono";
import { hc } from "hono/client";
import { describe, expect, it } from "vitest";
import { csvBody } from "./files";
import { expectStatus, staffFetch, withFetch } from "./staffFetch";

// A server that, like the staff routes, refuses a change without the session's token and answers 401 once the session is gone.
const server = new Hono()
  .post("/api/staff/things", async (c) =>
    c.req.header("x-csrf-token") === "token-1"
      ? c.json({ type: c.req.header("content-type") ?? null, body: await c.req.text() }, 201)
      : c.json({ error: { code: "staff.csrf" } }, 403),
  )
  .get("/api/staff/gone", (c) => c.json({ error: { code: "staff.unauthenticated" } }, 401))
  .put("/api/staff/gone", (c) => c.json({ error: { code: "staff.unauthenticated" } }, 401));

function client() {
  const ends: number[] = [];
  const fetch = staffFetch(
    "token-1",
    () => ends.push(1),
    async (input, init) => server.request(input instanceof URL ? input.href : input, init),
  );
  // As the console does: the client has a fetch of its own (never called), each call gets the console's.
  const never = async () => Promise.reject(new Error("the client's own fetch was used"));
  return { api: withFetch(hc<typeof server>("http://console.test", { fetch: never }).api.staff, fetch), ends };
}

describe("the console's fetch", () => {
  it("sends the session's CSRF token with every call, an upload's own headers too, and a file's bytes as they are", async () => {
    const { api, ends } = client();
    const json = await expectStatus(await api.things.$post(), 201).json();
    expect(json.type).toBeNull();
    const file = new File(["名称,住所\r\n扇町,北区"], "places.csv", { type: "text/csv" });
    const upload = await expectStatus(await api.things.$post(undefined, await csvBody(file)), 201).json();
    expect(upload).toEqual({ type: "text/csv", body: "名称,住所\r\n扇町,北区" });
    // Shift_JIS bytes (名称 in CP932) go unchanged: the server, not the browser, tells the encoding.
    const sjis = new Uint8Array([0x96, 0xbc, 0x8f, 0xcc]);
    const raw = new Hono().post("/", async (c) => c.json([...new Uint8Array(await c.req.arrayBuffer())]));
    const { init } = await csvBody(new File([sjis], "areas.csv"));
    expect(await (await raw.request("/", { method: "POST", ...init })).json()).toEqual([...sjis]);
    expect(ends).toEqual([]);
  });

  it("ends the session in the console when the server answers 401, and only then", async () => {
    const { api, ends } = client();
    const response = await api.gone.$get();
    expect(response.status).toBe(401);
    expect(ends).toEqual([1]);
    await api.things.$post();
    expect(ends).toEqual([1]);
  });

  it("keeps the page (and what was typed) when a change is refused with 401, for the page to say so", async () => {
    const { api, ends } = client();
    const response = await api.gone.$put();
    expect(response.status).toBe(401);
    expect(ends).toEqual([]);
  });

  it("throws a response of an unexpected status, for the page to name its error", async () => {
    const refused = await staffFetch(
      "wrong",
      () => {},
      async (input, init) => server.request(String(input), init),
    )("http://console.test/api/staff/things", {
      method: "POST",
    });
    expect(() => expectStatus(refused, 201)).toThrow();
    try {
      expectStatus(refused, 201);
    } catch (thrown) {
      expect(thrown).toBe(refused);
      expect(await (thrown as Response).json()).toEqual({ error: { code: "staff.csrf" } });
    }
  });
});
