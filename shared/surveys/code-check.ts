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
