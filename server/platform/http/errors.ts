/** Answering API errors: every failure leaves the server in the one shape of the catalog. */
import type { Context } from "hono";
import { type ErrorBody, type ErrorCode, errorCatalog } from "../../../shared/errors/catalog";

export function errorBody(code: ErrorCode, details?: unknown): ErrorBody {
  return { error: { code, message: errorCatalog[code].message, ...(details === undefined ? {} : { details }) } };
}

export function errorResponse(c: Context, code: ErrorCode, details?: unknown): Response {
  return c.json(errorBody(code, details), errorCatalog[code].status);
}
