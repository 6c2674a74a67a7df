/** The one error shape, checked the same way in every API test. */
import { expect } from "vitest";
import { ErrorBody, type ErrorCode, errorCatalog } from "../../shared/errors/catalog";

/** Checks the one error shape and that no server internals leak, and returns the parsed body. */
export async function expectErrorResponse(response: Response, code: ErrorCode): Promise<ErrorBody> {
  const text = await response.text();
  expect(text).not.toContain("    at ");
  expect(text).not.toContain(".ts:");
  const body = ErrorBody.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  expect(response.status).toBe(errorCatalog[code].status);
  expect(body.error.message).toBe(errorCatalog[code].message);
  return body;
}
