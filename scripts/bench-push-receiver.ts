/**
 * The bench's push service, in a process of its own (as a real one is on other machines): the
 * local HTTPS receiver with verification off, answering 201 to every push. It tells the parent its
 * port, certificate and the subscriptions it made, then counts until told to stop.
 */
import { startPushReceiver } from "../tests/helpers/push-receiver";

const count = Number(process.argv[2] ?? 100_000);
const receiver = await startPushReceiver();
receiver.verify = false;
const subscriptions = receiver.subscribeMany(count);
process.send?.({ port: receiver.port, ca: receiver.ca, subscriptions });
process.on("message", (message: { type: string }) => {
  if (message.type === "count") process.send?.({ count: receiver.count });
  if (message.type === "stop") void receiver.close().then(() => process.exit(0));
});
