/**
 * The bench's sender, in a process of its own so that its memory is a sender's alone: it opens the
 * prepared database, sends the one notice to every subscription through the push receiver, and
 * reports the time it took and its peak resident memory.
 */

import { NoticeSender } from "../server/notices/sender/sender";
import { generateVapidKeys, VapidHeaders } from "../server/notices/sender/webpush";
import { openDatabase } from "../server/platform/db/database";
import { createLogger } from "../server/platform/logger";
import { registry } from "../server/registry";

const [file, port, ca] = [process.argv[2] as string, Number(process.argv[3]), process.env.BENCH_PUSH_CA as string];
const database = await openDatabase({ dialect: "sqlite", file }, registry);
const sender = new NoticeSender({
  database,
  logger: createLogger("warn"),
  vapid: new VapidHeaders(generateVapidKeys(), "mailto:bench@example.jp"),
  network: { allowList: ["push.test"], resolve: async () => ["203.0.113.7"], dial: { host: "127.0.0.1", port }, ca },
  sendTime: "09:00",
});
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const started = performance.now();
const summary = await sender.runOnce();
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await sender.stop();
await database.close();
process.send?.({ sent: summary.sent, seconds, baseline, peak });
