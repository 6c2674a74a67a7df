/**
 * Registering and removing a browser's push subscription. The endpoint is checked against SSRF
 * (endpoint.ts) and the keys are checked to be a P-256 point and a 16-byte secret before anything
 * is stored; the server keeps the ward, the language and cohort months, never a date.
 */
import type { PushRegistration, PushRemoval } from "../../shared/notices/schemas";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { endpointProblem } from "./endpoint";
import type { PushNetwork } from "./sender/sender";
import { validSubscriptionKeys } from "./sender/webpush";
import { removeSubscription, saveSubscription } from "./store/subscriptions";

export async function registerSubscription(
  database: Database,
  network: PushNetwork,
  registration: PushRegistration,
): Promise<{ created: boolean }> {
  const problem = await endpointProblem(registration.endpoint, network.allowList, network.resolve);
  if (problem) throw new AppError("push.endpoint_refused", { reason: problem });
  if (!validSubscriptionKeys(registration.keys)) throw new AppError("push.keys_invalid", {});
  const { created } = await database.write(saveSubscription, { registration, now: new Date().toISOString() });
  return { created };
}

export async function unregisterSubscription(database: Database, removal: PushRemoval): Promise<{ removed: boolean }> {
  return { removed: await database.write(removeSubscription, removal) };
}
