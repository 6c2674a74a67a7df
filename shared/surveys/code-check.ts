/**
 * Checking a letter's invitation code before the first question, without using it up: the answer is
 * only whether this survey would take it now. `unknown` covers everything else alike (a mistyped
 * code, another survey's code, a code that never existed), so the answer tells a guesser nothing more.
 */
import { z } from "zod/mini";

export const CodeCheckInput = z.object({ code: z.string().check(z.maxLength(64)) });
export type CodeCheckInput = z.infer<typeof CodeCheckInput>;

export const codeCheckStatuses = ["valid", "used", "unknown"] as const;
export const CodeCheck = z.object({ status: z.enum(codeCheckStatuses) });
export type CodeCheck = z.infer<typeof CodeCheck>;
export type CodeCheckStatus = CodeCheck["status"];

/**
 * A letter's short link (/c/CODE) or a code typed by hand on the コードを入力 page, resolved to its
 * survey by the code's hash: `valid` or `used` with the survey it belongs to (and its ward, to say
 * whom to call about a used code), `unknown` for anything else alike.
 */
export const CodeResolution = z.union([
  z.object({ status: z.enum(["valid", "used"]), surveyId: z.string(), ward: z.nullable(z.string()) }),
  z.object({ status: z.literal("unknown") }),
]);
export type CodeResolution = z.infer<typeof CodeResolution>;
