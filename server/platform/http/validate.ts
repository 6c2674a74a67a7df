/**
 * Request validation with the shared zod schemas. Before a schema sees the input, every string in it
 * is cleaned (shared/text.ts: no control characters, bidirectional overrides or lone surrogates). A
 * JSON body must say it is JSON: anything else is 415 `request.unsupported_media_type`. A failure
 * answers `request.invalid` with the issues as details, except a well-formed ward code that names no
 * ward, which is 404 `wards.not_found`. The schema is kept on the middleware, so the OpenAPI document
 * is generated from exactly the schemas that validate requests.
 */
import { zValidator } from "@hono/zod-validator";
import type { MiddlewareHandler, ValidationTargets } from "hono";
import * as z from "zod/v4/core";
import { cleanStrings } from "../../../shared/text";
import { unknownWardIssue } from "../../../shared/wards/schemas";
import { errorResponse } from "./errors";

export const validationSpec = Symbol("validationSpec");

export interface ValidationSpec {
  target: keyof ValidationTargets;
  schema: z.$ZodType;
}

const jsonType = /^application\/([\w.-]+\+)?json$/i;
const isUnknownWard = (issue: z.$ZodIssue) =>
  issue.code === "custom" && (issue.params as Record<string, unknown> | undefined)?.unknownWard === unknownWardIssue.unknownWard;

export function validate<Target extends keyof ValidationTargets, Schema extends z.$ZodType>(target: Target, schema: Schema) {
  const checked = zValidator(
    target,
    schema,
    (result, c) => {
      if (!result.success) {
        const issues = result.error.issues;
        if (issues.every(isUnknownWard)) {
          const path = issues[0]?.path ?? [];
          const named = path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], result.data);
          return errorResponse(c, "wards.not_found", { ward: named });
        }
        return errorResponse(c, "request.invalid", {
          target,
          issues: issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
        });
      }
    },
    {
      // biome-ignore lint/suspicious/noExplicitAny: the validator's result type is the schema's, which safeParseAsync gives.
      validationFunction: (zodSchema, value) => z.safeParseAsync(zodSchema as z.$ZodType, cleanStrings(value)) as any,
    },
  );
  const middleware = (async (c, next) => {
    if (target === "json") {
      const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "";
      if (!jsonType.test(type))
        return errorResponse(c, "request.unsupported_media_type", { expected: "application/json", got: type || null });
    }
    return checked(c, next);
  }) as typeof checked;
  Object.assign(middleware, { [validationSpec]: { target, schema } satisfies ValidationSpec });
  return middleware;
}

export function validationSpecOf(handler: MiddlewareHandler | unknown): ValidationSpec | undefined {
  return (handler as { [validationSpec]?: ValidationSpec })[validationSpec];
}
