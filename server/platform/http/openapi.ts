/**
 * The OpenAPI 3.1 document, generated from the running app: each route's `describeRoute` doc and
 * the zod schemas of its `validate` middlewares, read off `app.routes`. Nothing is written twice,
 * so the document cannot drift from what the server accepts.
 */
import type { MiddlewareHandler } from "hono";
import * as z from "zod/v4/core";
import { ErrorBody } from "../../../shared/errors/catalog";
import { validationSpecOf } from "./validate";

const routeDocKey = Symbol("routeDoc");

export interface RouteDoc {
  summary: string;
  description?: string;
  tags: string[];
  responses: Record<number, { description: string; schema?: z.$ZodType }>;
}

/** Documents the route it is placed on; does nothing at request time. */
export function describeRoute(doc: RouteDoc): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  return Object.assign(middleware, { [routeDocKey]: doc });
}

interface RouteLike {
  method: string;
  path: string;
  handler: unknown;
}

type JsonSchema = Record<string, unknown>;
const jsonSchema = (schema: z.$ZodType): JsonSchema => z.toJSONSchema(schema, { unrepresentable: "any" }) as JsonSchema;

export function openApiDocument(routes: readonly RouteLike[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const keyOf = (r: RouteLike) => `${r.method} ${r.path}`;
  const grouped = new Map<string, RouteLike[]>();
  for (const route of routes) {
    if (route.method === "ALL") continue;
    grouped.set(keyOf(route), [...(grouped.get(keyOf(route)) ?? []), route]);
  }
  for (const handlers of grouped.values()) {
    const first = handlers[0] as RouteLike;
    const doc = handlers.map((h) => (h.handler as { [routeDocKey]?: RouteDoc })[routeDocKey]).find(Boolean);
    if (!doc) continue;
    const specs = handlers.map((h) => validationSpecOf(h.handler)).filter((s) => s !== undefined);
    const parameters: unknown[] = [];
    let requestBody: unknown;
    for (const spec of specs) {
      const schema = jsonSchema(spec.schema);
      if (spec.target === "param" || spec.target === "query" || spec.target === "header") {
        const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
        const required = new Set((schema.required ?? []) as string[]);
        for (const [name, property] of Object.entries(properties)) {
          parameters.push({
            name,
            in: spec.target === "param" ? "path" : spec.target,
            required: spec.target === "param" || required.has(name),
            schema: property,
          });
        }
      } else if (spec.target === "json") {
        requestBody = { required: true, content: { "application/json": { schema } } };
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(doc.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema ? { content: { "application/json": { schema: jsonSchema(response.schema) } } } : {}),
      };
    }
    if (specs.length > 0) {
      responses["400"] ??= {
        description: "The request is not valid (`request.invalid`).",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    const openApiPath = first.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    paths[openApiPath] ??= {};
    (paths[openApiPath] as Record<string, unknown>)[first.method.toLowerCase()] = {
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      tags: doc.tags,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: { ...info, description: "The Machikoe (まちの声) API. Every error is `{ error: { code, message, details? } }`." },
    paths,
    components: { schemas: { Error: jsonSchema(ErrorBody) } },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);

/** A plain, dependency-free HTML page describing the API, for people. */
export function apiDocsPage(document: ReturnType<typeof openApiDocument>): string {
  const sections = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const op = operation as {
        summary: string;
        description?: string;
        parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
        responses: Record<string, { description: string; content?: unknown }>;
      };
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ", required" : ""}): <code>${escapeHtml(JSON.stringify(p.schema))}</code></li>`,
        )
        .join("");
      const responses = Object.entries(op.responses)
        .map(([status, r]) => `<li><strong>${status}</strong> ${escapeHtml(r.description)}</li>`)
        .join("");
      return `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary)}</p>${
        op.description ? `<p>${escapeHtml(op.description)}</p>` : ""
      }${params ? `<h3>Parameters</h3><ul>${params}</ul>` : ""}<h3>Responses</h3><ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Machikoe API</title></head>
<body><main><h1>Machikoe API ${escapeHtml(document.info.version)}</h1><p>${escapeHtml(document.info.description)} The machine-readable document is <a href="/api/openapi.json">/api/openapi.json</a>.</p>${sections.join("")}</main></body></html>`;
}
