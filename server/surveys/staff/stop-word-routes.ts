/**
 * A ward's stop words for the free-text keywords under /api/staff/keywords: read, add and remove.
 * Behind the staff session, scoped to the staff member's ward (administrators name one).
 */
import { z } from "zod/mini";
import { StopWordInput, StopWordList } from "../../../shared/surveys/staff/stop-words";
import { WardCode } from "../../../shared/wards/schemas";
import { wardFor } from "../../accounts/access";
import { staffApp } from "../../accounts/middleware";
import { describeRoute } from "../../platform/http/openapi";
import { validate } from "../../platform/http/validate";
import { addStopWord, listStopWords, removeStopWord } from "./stop-words";

export const stopWordStaffRoutes = staffApp()
  .get(
    "/stop-words",
    describeRoute({
      summary: "The words left out of a ward's free-text keywords: the built-in ones and the ward's own",
      tags: ["staff"],
      responses: { 200: { description: "The lists", schema: StopWordList } },
    }),
    validate("query", z.object({ ward: z.optional(WardCode) })),
    async (c) => {
      const { user } = c.var.staff;
      return c.json(await listStopWords(c.var.deps.database, user, wardFor(user, c.req.valid("query").ward)), 200);
    },
  )
  .post(
    "/stop-words",
    describeRoute({
      summary: "Add a word to the ward's stop words (kept once; at most keywords.too_many_stop_words)",
      tags: ["staff"],
      responses: { 204: { description: "Added" } },
    }),
    validate("json", StopWordInput),
    async (c) => {
      const { ward, word } = c.req.valid("json");
      const { user } = c.var.staff;
      await addStopWord(c.var.deps.database, user, wardFor(user, ward), word);
      return c.body(null, 204);
    },
  )
  .delete(
    "/stop-words",
    describeRoute({ summary: "Remove a word from the ward's stop words", tags: ["staff"], responses: { 204: { description: "Removed" } } }),
    validate("json", StopWordInput),
    async (c) => {
      const { ward, word } = c.req.valid("json");
      const { user } = c.var.staff;
      await removeStopWord(c.var.deps.database, user, wardFor(user, ward), word);
      return c.body(null, 204);
    },
  );
