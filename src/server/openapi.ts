// The OpenAPI 3.1 document of /api/v1, maintained by hand beside the routes; request bodies
// come from the same zod schemas the routes validate with, so they cannot drift. A test checks
// that every registered route is described here.
import { z } from "zod";
import { decisionInput } from "./decide.js";
import { createKeyBody } from "./routes/keys.js";
import { decideCaseBody, dismissCaseBody } from "./routes/cases.js";
import { listEntryInput } from "./routes/lists.js";
import type { Role } from "../store/types.js";

type Param = {
  name: string;
  in: "query" | "path";
  schema: Record<string, unknown>;
  required?: boolean;
  description?: string;
};

const str = { type: "string" };
const int = { type: "integer" };
const paging: Param[] = [
  { name: "limit", in: "query", schema: { ...int, minimum: 1, maximum: 500, default: 50 } },
  { name: "offset", in: "query", schema: { ...int, minimum: 0, default: 0 } },
];
const idParam: Param = { name: "id", in: "path", required: true, schema: str };
const q = (name: string, schema: Record<string, unknown>, description?: string): Param => ({
  name,
  in: "query",
  schema,
  ...(description ? { description } : {}),
});
const oneOf = (...values: string[]) => ({ type: "string", enum: values });

function body(schema: z.ZodType, contentType = "application/json") {
  return {
    required: true,
    content: { [contentType]: { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) } },
  };
}

function op(
  summary: string,
  role: Role,
  opts: { params?: Param[]; body?: ReturnType<typeof body>; status?: number; response?: string } = {},
) {
  const ok = String(opts.status ?? 200);
  return {
    summary,
    description: `Requires role ${role} or higher.`,
    "x-required-role": role,
    ...(opts.params ? { parameters: opts.params } : {}),
    ...(opts.body ? { requestBody: opts.body } : {}),
    responses: {
      [ok]: {
        description: opts.response ?? "OK",
        content: { "application/json": { schema: { type: "object" } } },
      },
      "400": { $ref: "#/components/responses/Error" },
      "401": { $ref: "#/components/responses/Error" },
      "403": { $ref: "#/components/responses/Error" },
      "404": { $ref: "#/components/responses/Error" },
      "409": { $ref: "#/components/responses/Error" },
      "422": { $ref: "#/components/responses/Error" },
    },
  };
}

const verdict = oneOf("attack", "review", "benign");

/** Builds the OpenAPI 3.1 document (paths relative to the server URL `/api/v1`). */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {
    "/me": { get: op("The calling key's name and role", "viewer") },
    "/overview": { get: op("Headline counts, top campaigns, open cases, thresholds", "viewer") },
    "/traffic": {
      get: op("Exchanges and flagged exchanges per time bucket", "viewer", {
        params: [q("bucketMs", { ...int, minimum: 60000, default: 3600000 })],
      }),
    },
    "/rules": { get: op("Policy rules in force (read-only; they live in the config file)", "viewer") },
    "/campaigns": {
      get: op("Campaigns, paged, filtered and sorted", "viewer", {
        params: [
          ...paging,
          q("sort", oneOf("score", "accounts", "requests", "lastSeen")),
          q("minScore", { type: "number" }),
          q("search", str, "substring of the campaign id"),
        ],
        response: "{ items: campaign rows with accountCount, total }",
      }),
    },
    "/campaigns/{id}": {
      get: op("One campaign with accounts, indicators, reasons", "viewer", { params: [idParam] }),
    },
    "/campaigns/{id}/accounts": {
      get: op("The campaign's accounts by score, paged", "viewer", { params: [idParam, ...paging] }),
    },
    "/campaigns/{id}/graph": {
      get: op(
        "Account graph: nodes (accounts), edges (shared indicators), shared indicator values",
        "viewer",
        {
          params: [
            idParam,
            q("maxNodes", { ...int, minimum: 1, maximum: 5000, default: 1000 }),
            q("perAccount", { ...int, minimum: 1, maximum: 100, default: 10 }),
          ],
        },
      ),
    },
    "/accounts": {
      get: op("Accounts, paged, filtered and sorted", "viewer", {
        params: [
          ...paging,
          q("verdict", verdict),
          q("campaign", str),
          q("search", str),
          q("minScore", { type: "number" }),
          q("sort", oneOf("score", "requests", "lastSeen", "account")),
        ],
      }),
    },
    "/accounts/{id}": {
      get: op("One account's verdict, its decisions and list entries", "viewer", { params: [idParam] }),
    },
    "/accounts/{id}/timeline": {
      get: op("The account's exchanges, newest first, with signals", "viewer", {
        params: [idParam, q("limit", { ...int, maximum: 1000, default: 200 }), q("before", int, "epoch ms")],
      }),
    },
    "/accounts/{id}/samples": {
      get: op("Evidence samples of the account's prompts", "viewer", {
        params: [idParam, q("limit", { ...int, maximum: 100, default: 20 })],
      }),
    },
    "/decisions": {
      get: op("Decisions, newest first", "viewer", { params: [...paging, q("subject", str)] }),
      post: op("Decide about an account or campaign; feeds block/allow lists", "analyst", {
        body: body(decisionInput),
        status: 201,
      }),
    },
    "/decisions/reasons": { get: op("The reason taxonomy", "viewer") },
    "/cases": {
      get: op("Review cases", "viewer", {
        params: [...paging, q("status", oneOf("open", "decided", "dismissed"))],
      }),
    },
    "/cases/{id}": { get: op("One case with its subject's decisions", "viewer", { params: [idParam] }) },
    "/cases/{id}/decide": {
      post: op("Decide the case's subject and close the case", "analyst", {
        params: [idParam],
        body: body(decideCaseBody),
        status: 201,
      }),
    },
    "/cases/{id}/dismiss": {
      post: op("Dismiss the case without a decision", "analyst", {
        params: [idParam],
        body: body(dismissCaseBody),
      }),
    },
    "/lists": {
      get: op("Allow/block list entries", "viewer", {
        params: [
          q("list", oneOf("allow", "block")),
          q("type", oneOf("account", "key", "ip", "asn", "payment", "template")),
        ],
      }),
      post: op("Add a list entry", "analyst", { body: body(listEntryInput), status: 201 }),
    },
    "/lists/{id}": { delete: op("Remove a list entry", "analyst", { params: [idParam] }) },
    "/audit": {
      get: op("Audit log, newest first", "viewer", {
        params: [...paging, q("actor", str), q("action", str)],
      }),
    },
    "/ingest": {
      post: op("Ingest a JSONL batch of exchanges (contract §1)", "admin", {
        body: {
          required: true,
          content: {
            "application/x-ndjson": { schema: { type: "string", description: "one exchange per line" } },
          },
        },
        response: "{ accepted, rejected: [{ line, reason }] }",
      }),
    },
    "/keys": {
      get: op("API keys (without hashes)", "admin"),
      post: op("Create a key; the secret is in the response, once", "admin", {
        body: body(createKeyBody),
        status: 201,
      }),
    },
    "/keys/{id}": { delete: op("Revoke a key", "admin", { params: [idParam] }) },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "distillwatch analyst API",
      version: "1",
      description: "Campaigns, accounts, review cases, decisions, lists, audit, ingest and API keys.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Roles: viewer < analyst < admin" },
      },
      responses: {
        Error: {
          description: "Error",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  error: {
                    type: "object",
                    properties: { code: str, message: str },
                    required: ["code", "message"],
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
