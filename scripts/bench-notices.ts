/**
 * The push figures of `npm run bench`:
 *  - notices.fanout_ratio_vs_encrypt: pushes per second from the real sender (send log claims and
 *    marks in SQLite, payload encryption, VAPID, HTTPS over kept-alive connections) to 100,000
 *    subscriptions on the local push receiver (its own process), divided by the raw RFC 8291
 *    payload-encryption rate (encryptPayload alone in a loop) measured in the same run.
 *  - notices.fanout_peak_rss_mb: the peak resident memory of the sending process (one of its own,
 *    bench-notices-send.ts, as a server instance would be) during that fan-out.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encryptPayload } from "../server/notices/sender/webpush";
import { openDatabase } from "../server/platform/db/database";
import { insertInto } from "../server/platform/db/write";
import { registry } from "../server/registry";
import type { PushPayload } from "../shared/notices/schemas";
import type { ReceiverSubscription } from "../tests/helpers/push-receiver";

const print = (name: string, value: number, unit: string) => console.log(`${name}: ${Number(value.toFixed(3))} ${unit}`);
const subscriptions = 100_000;

/** A broadcast's payload, about the size of a real one. */
const samplePayload = JSON.stringify({
  v: 1,
  id: randomUUID(),
  kind: "broadcast",
  title: "北区からのお知らせ",
  body: "12月の子育てサロンは、10日（水）10時から扇町の子ども・子育てプラザで開きます。予約はいりません。",
  url: "/places",
  sentAt: new Date().toISOString(),
} satisfies PushPayload);

function encryptRate(keys: { p256dh: string; auth: string }): number {
  const payload = Buffer.from(samplePayload);
  for (let i = 0; i < 500; i++) encryptPayload(keys, payload);
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 2000) {
    encryptPayload(keys, payload);
    n++;
  }
  return n / ((performance.now() - started) / 1000);
}

function startReceiver(): Promise<{ child: ChildProcess; port: number; ca: string; subscriptions: ReceiverSubscription[] }> {
  const child = fork(path.join(import.meta.dirname, "bench-push-receiver.ts"), [String(subscriptions)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (message) =>
      resolve({ child, ...(message as { port: number; ca: string; subscriptions: ReceiverSubscription[] }) }),
    );
    child.once("exit", (code) => reject(new Error(`the bench push receiver exited (${code})`)));
  });
}

export async function noticesFanout(): Promise<void> {
  const receiver = await startReceiver();
  const dir = mkdtempSync(path.join(tmpdir(), "machikoe-bench-push-"));
  const database = await openDatabase({ dialect: "sqlite", file: path.join(dir, "push.db") }, registry);
  try {
    const first = receiver.subscriptions[0] as ReceiverSubscription;
    const now = new Date().toISOString();
    const created = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < receiver.subscriptions.length; i += 2000) {
      const rows = receiver.subscriptions.slice(i, i + 2000).map((s) => ({
        id: randomUUID(),
        endpoint: s.endpoint,
        p256dh: s.keys.p256dh,
        auth: s.keys.auth,
        wardCode: null,
        locale: "ja",
        createdAt: created,
        updatedAt: created,
      }));
      await insertInto(database, "pushSubscriptions", rows);
      // Every one takes ward news, the topic of a broadcast to all.
      await insertInto(
        database,
        "pushSubscriptionTopics",
        rows.map((row) => ({ subscriptionId: row.id, topic: "news" })),
      );
    }
    const noticeId = randomUUID();
    await insertInto(database, "notices", [
      {
        id: noticeId,
        key: null,
        kind: "broadcast",
        wardCode: null,
        segment: JSON.stringify({ ward: null, audience: { kind: "all" } }),
        content: JSON.stringify({ texts: { ja: JSON.parse(samplePayload) }, path: "/places" }),
        sendAt: now,
        status: "scheduled",
        createdBy: null,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
      },
    ]);

    // The raw rate, measured before and after the fan-out (the mean), so both sides see the same machine.
    const encryptBefore = encryptRate(first.keys);
    const file = path.join(dir, "push.db");
    await database.close();
    const sender = fork(path.join(import.meta.dirname, "bench-notices-send.ts"), [file, String(receiver.port)], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, BENCH_PUSH_CA: receiver.ca },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const run = await new Promise<{ sent: number; seconds: number; baseline: number; peak: number }>((resolve, reject) => {
      sender.once("message", (m) => resolve(m as { sent: number; seconds: number; baseline: number; peak: number }));
      sender.once("exit", (code) => reject(new Error(`the bench sender exited (${code})`)));
    });
    const encryptPerSecond = (encryptBefore + encryptRate(first.keys)) / 2;
    receiver.child.send({ type: "count" });
    const received = await new Promise<number>((resolve) => receiver.child.once("message", (m) => resolve((m as { count: number }).count)));
    if (run.sent !== subscriptions || received !== subscriptions)
      throw new Error(`fan-out incomplete: ${run.sent} sent, ${received} received of ${subscriptions}`);
    const sendsPerSecond = subscriptions / run.seconds;
    print("notices.encrypt_per_s", encryptPerSecond, "payloads/s");
    print("notices.fanout_sends_per_s_100k", sendsPerSecond, "pushes/s");
    print("notices.fanout_ratio_vs_encrypt", sendsPerSecond / encryptPerSecond, "x (target >= 0.5)");
    print("notices.fanout_peak_rss_mb", run.peak / 1024 / 1024, "MB");
    print("notices.sender_rss_at_start_mb", run.baseline / 1024 / 1024, "MB");
  } finally {
    await database.close().catch(() => undefined);
    receiver.child.send({ type: "stop" });
    rmSync(dir, { recursive: true, force: true });
  }
}
