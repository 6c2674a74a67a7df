/**
 * The app's own failure: an ErrorCode of the catalog (shared/errors/catalog.ts) and its details.
 * A domain error, raised anywhere on the server; HTTP answers it (platform/http/errors.ts), and the
 * SQLite writer thread carries it across as data (platform/db/write.ts).
 */
import { type ErrorCode, errorCatalog } from "../../shared/errors/catalog";

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(errorCatalog[code].message);
  }
}
