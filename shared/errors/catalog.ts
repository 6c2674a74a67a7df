/**
 * The one catalog of API error codes. The server answers every failure with
 * `{ "error": { "code", "message", "details"? } }` using a code from here; the client
 * turns the code into a translated message (locale key `errors.<code>`), so the
 * English `message` is for integrators and logs, never shown to residents as is.
 */
import { z } from "zod/mini";

export const errorCatalog = {
  "request.invalid": { status: 400, message: "The request is not valid." },
  "request.too_large": { status: 413, message: "The request body is too large." },
  "route.not_found": { status: 404, message: "There is no such resource." },
  "wards.not_found": { status: 404, message: "There is no ward with this code." },
  "service.unavailable": { status: 503, message: "The service is shutting down or cannot write; try again shortly." },
  "internal.error": { status: 500, message: "Something went wrong on the server." },
} as const satisfies Record<string, { status: 400 | 404 | 413 | 500 | 503; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;
export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}
