/**
 * The typed API client: the only way the app calls the server. Types come from the server's routes.
 * The service worker imports it too, so it carries nothing else (messages live in errors.ts).
 */
import { hc } from "hono/client";
import type { AppType } from "../../../server/app";
import { offlineFetch } from "./pwa/offline-fetch";

export const api = hc<AppType>(location.origin, { fetch: offlineFetch });
