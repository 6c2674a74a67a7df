/**
 * A 町会 join request's record on the device. Apart from schemas.ts, so that the pages that never touch
 * a join (the home page among them) do not load the local data's schemas with it.
 */
import { z } from "zod/mini";
import { JoinReceipt, JoinRequestInput } from "../../../shared/local/schemas";
import { ResponseId } from "../../../shared/surveys/answers";
import { outboxStates } from "./schemas";

/** A 町会 join request on its way: kept with its id until the server has acknowledged it. */
export const JoinOutboxItem = z.object({
  id: ResponseId,
  associationId: z.string(),
  associationName: z.string(),
  payload: JoinRequestInput,
  state: z.enum(outboxStates),
  queuedAt: z.number(),
  attempts: z.int(),
  receipt: z.optional(JoinReceipt),
  errorCode: z.optional(z.string()),
});
export type JoinOutboxItem = z.infer<typeof JoinOutboxItem>;
