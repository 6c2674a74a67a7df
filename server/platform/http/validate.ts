/**
 * Request validation with the shared zod schemas. A failure answers `request.invalid` with the
 * issues as details. The schema is kept on the middleware, so the OpenAPI document is generated
 * from exactly the schemas that validate requests.
 */
import { zValidator } from "@hono/zod-validator";
import type { MiddlewareHandler, ValidationTargets } from "hono";
import type * as z from "zod/v4/core";
import { errorResponse } from "./errors";

export const validationSpec = Symbol("validationSpec");

export interface ValidationSpec {
  target: keyof ValidationTargets;
  schema: z.$ZodType;
}

export function validate<Target extends keyof ValidationTargets, Schema extends z.$ZodType>(target: Target, schema: Schema) {
  const middleware = zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
      return errorResponse(c, "request.invalid", { target, issues });
    }
  });
  Object.assign(middleware, { [validationSpec]: { target, schema } satisfies ValidationSpec });
  return middleware;
}

export function validationSpecOf(handler: MiddlewareHandler | unknown): ValidationSpec | undefined {
  return (handler as { [validationSpec]?: ValidationSpec })[validationSpec];
}
