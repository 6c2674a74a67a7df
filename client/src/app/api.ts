/**
 * The typed API client: how the pages call the server. Types come from the server's routes. Outbox
 * items (sync/send.ts) and the service worker use plain fetch, with bodies typed from these routes.
 */
import { hc } from "hono/client";
import type { AppType } from "../../../server/app";
import { offlineFetch } from "./pwa/offline-fetch";

export const api = hc<AppType>(location.origin, { fetch: offlineFetch });
