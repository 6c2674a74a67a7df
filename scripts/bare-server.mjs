// The baseline for `npm run bench`: a bare Hono endpoint on @hono/node-server that parses the
// same JSON body and answers 201, with none of the app's middleware, validation or storage.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono().post("/r", async (c) => {
  const body = await c.req.json();
  return c.json({ id: body.id }, 201);
});
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`{"msg":"listening","port":${info.port}}\n`);
});
process.on("SIGTERM", () => process.exit(0));
