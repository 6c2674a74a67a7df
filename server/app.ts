/**
 * The HTTP app: shared middleware, then one sub-app per feature mounted under /api, then the built
 * client. `AppType` is what the client's typed `hc` client is built from.
 */
import { Hono } from "hono";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { accountRoutes, loginRoutes } from "./accounts/routes";
import { staffUserRoutes } from "./accounts/users-routes";
import { clientPreloads } from "./client-preloads";
import type { AppDeps, AppEnv } from "./env";
import { localRoutes } from "./local/routes";
import { localStaffRoutes } from "./local/staff/routes";
import { pushRoutes } from "./notices/routes";
import { noticeStaffRoutes } from "./notices/staff/routes";
import { planningStaffRoutes } from "./planning/staff/routes";
import { AppError } from "./platform/errors";
import { healthRoutes } from "./platform/health/routes";
import { bodyLimit } from "./platform/http/body-limit";
import { errorResponse } from "./platform/http/errors";
import { strictTransportSecurity } from "./platform/http/https";
import { methodsFor, unmatched } from "./platform/http/methods";
import { apiDocsPage, openApiDocument } from "./platform/http/openapi";
import { requestLog } from "./platform/http/request-log";
import { serveClient } from "./platform/http/static";
import { surveyRoutes } from "./surveys/routes";
import { commentTagStaffRoutes } from "./surveys/staff/comment-tag-routes";
import { crosstabStaffRoutes } from "./surveys/staff/crosstab-routes";
import { followUpStaffRoutes } from "./surveys/staff/follow-up-routes";
import { lettersStaffRoutes } from "./surveys/staff/letters-routes";
import { paperStaffRoutes } from "./surveys/staff/paper-routes";
import { reportStaffRoutes } from "./surveys/staff/report-routes";
import { surveyStaffRoutes } from "./surveys/staff/routes";
import { stopWordStaffRoutes } from "./surveys/staff/stop-word-routes";
import { wardRoutes } from "./wards/routes";
import { wardStaffRoutes } from "./wards/staff/routes";

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  // A letter's short link (/c/CODE) carries its code: the log never keeps it (nor, with it, when the letter was opened).
  app.use(requestLog({ redactPath: (path) => path.replace(/^\/c\/.*$/s, "/c/…") }));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // The map's tiles come from the configured tile server (MAP_TILE_URL).
        imgSrc: ["'self'", "data:", ...(deps.map ? [new URL(deps.map.tileUrl.replace(/\{[a-z]\}/g, "0")).origin] : [])],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      // The CSP's frame-ancestors 'none' in the older header too: DENY, not Hono's default SAMEORIGIN.
      xFrameOptions: "DENY",
      // Only over https (below), never on a plain-http answer.
      strictTransportSecurity: false,
      referrerPolicy: "strict-origin-when-cross-origin",
      permissionsPolicy: { camera: [], microphone: [], geolocation: ["self"] },
    }),
  );
  app.use(strictTransportSecurity());
  // Compression pays for pages, scripts and the larger reads (ward lists, surveys in six languages). It costs
  // about 0.3 ms a response even when tiny, so the small answers to writes (receipts, errors) go as they are.
  const compressReads = compress();
  app.use((c, next) => (c.req.method === "GET" ? compressReads(c, next) : next()));
  // A staff CSV import carries a whole ward's (or the city's) places: it gets a larger limit of its own.
  const importLimit = 5 * 1024 * 1024;
  const apiLimit = bodyLimit(deps.bodyLimitBytes, (c) => errorResponse(c, "request.too_large", { maxBytes: deps.bodyLimitBytes }));
  const importBodyLimit = bodyLimit(importLimit, (c) => errorResponse(c, "request.too_large", { maxBytes: importLimit }));
  app.use("/api/*", (c, next) => (c.req.path.endsWith("/import") ? importBodyLimit(c, next) : apiLimit(c, next)));

  // Staff answers are personal to a session: never stored by a browser or a proxy.
  app.use("/api/staff/*", async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  });

  const routes = app
    .route("/api/wards", wardRoutes)
    .route("/api/surveys", surveyRoutes)
    .route("/api/health", healthRoutes)
    .route("/api/push", pushRoutes)
    // Login, setup and reset first: the staff routes without a session. Every other staff sub-app is a staffApp().
    .route("/api/staff", loginRoutes)
    .route("/api/staff/local", localStaffRoutes)
    .route("/api/staff/wards", wardStaffRoutes)
    .route("/api/staff/notices", noticeStaffRoutes)
    .route("/api/staff/surveys", surveyStaffRoutes)
    .route("/api/staff/surveys", followUpStaffRoutes)
    .route("/api/staff/surveys", lettersStaffRoutes)
    .route("/api/staff/surveys", paperStaffRoutes)
    .route("/api/staff/surveys", reportStaffRoutes)
    .route("/api/staff/surveys", crosstabStaffRoutes)
    .route("/api/staff/surveys", commentTagStaffRoutes)
    .route("/api/staff/keywords", stopWordStaffRoutes)
    .route("/api/staff", accountRoutes)
    .route("/api/staff", staffUserRoutes)
    .route("/api/staff", planningStaffRoutes)
    .route("/api", localRoutes);

  let document: ReturnType<typeof openApiDocument> | undefined;
  const apiDocument = () => {
    document ??= openApiDocument(app.routes, { title: "Machikoe API", version: deps.version });
    return document;
  };
  app.get("/api/openapi.json", (c) => c.json(apiDocument()));
  app.get("/api/docs", (c) => c.html(apiDocsPage(apiDocument())));

  let allowedMethods: ((path: string) => string[]) | undefined;
  app.all("/api/*", (c) => {
    allowedMethods ??= methodsFor(app.routes);
    return unmatched(c, allowedMethods(c.req.path));
  });
  if (deps.clientDir) serveClient(app, deps.clientDir, clientPreloads);

  app.notFound((c) => errorResponse(c, "route.not_found", { path: c.req.path }));
  app.onError((error, c) => {
    if (error instanceof AppError) return errorResponse(c, error.code, error.details);
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx, such as malformed JSON in a validated body.
      return errorResponse(c, "request.invalid", { reason: error.message });
    }
    deps.logger.error("unhandled error", {
      requestId: c.var.requestId,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
    return errorResponse(c, "internal.error", { requestId: c.var.requestId });
  });

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
