// The one configuration schema: a JSON file merged over defaults, then environment variables.
import { z } from "zod";

const thresholds = z
  .object({
    /** Score at or above which an account's verdict is `attack`. */
    attack: z.number().min(0).max(100).default(70),
    /** Score at or above which an account's verdict is `review`. */
    review: z.number().min(0).max(100).default(40),
  })
  .refine((t) => t.review <= t.attack, { message: "thresholds.review must not exceed thresholds.attack" });

const engine = z.object({
  /** Recluster the linkage graph every T of event time ... */
  clusterEveryMs: z
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /** ... once at least this many new exchanges arrived ... */
  clusterEveryExchanges: z.number().int().positive().default(100),
  /** ... and this many per linkage candidate, so that clustering stays a bounded share of the work. */
  clusterExchangesPerCandidate: z.number().min(0).default(4),
  /** ... scaled down in proportion below this many candidates, where a pass is cheap. */
  clusterCheapCandidates: z.number().int().positive().default(1000),
  /** Evidence samples of raw prompt text kept per account. */
  samplesPerAccount: z.number().int().min(0).max(100).default(5),
  /** Reorder buffer for slightly out-of-order input, in exchanges. */
  reorderBuffer: z.number().int().min(0).default(20_000),
  /** ... and of event time: an exchange waits at most this long behind the newest one seen. */
  reorderWindowMs: z
    .number()
    .int()
    .min(0)
    .default(10 * 60_000),
});

const listType = z.enum(["account", "key", "ip", "asn", "payment", "template"]);

const condition = z.strictObject({
  minScore: z.number().min(0).max(100).optional(),
  maxScore: z.number().min(0).max(100).optional(),
  verdict: z.array(z.enum(["attack", "review", "benign"])).optional(),
  inCampaign: z.boolean().optional(),
  campaign: z.array(z.string()).optional(),
  /** Per-request signal ids with the minimum probability, e.g. {"cot": 0.8}. */
  signals: z.record(z.string(), z.number().min(0).max(1)).optional(),
  /** Matches when any of the request's attributes is on this list kind. */
  onList: z.enum(["allow", "block"]).optional(),
  listTypes: z.array(listType).optional(),
  endpoint: z.array(z.string()).optional(),
  model: z.array(z.string()).optional(),
});

const action = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("allow") }),
  z.strictObject({ type: z.literal("review") }),
  z.strictObject({
    type: z.literal("throttle"),
    /** Token bucket: sustained requests per minute and burst, per account and per campaign. */
    perMinute: z.number().positive(),
    burst: z.number().int().positive().default(10),
    scope: z.enum(["account", "campaign"]).default("account"),
  }),
  z.strictObject({
    type: z.literal("degrade"),
    withholdReasoning: z.boolean().default(true),
    maxTokens: z.number().int().positive().optional(),
  }),
  z.strictObject({ type: z.literal("block"), message: z.string().optional() }),
]);

const rule = z.strictObject({
  name: z.string().min(1),
  when: condition.default({}),
  action,
});

const listEntry = z.strictObject({
  list: z.enum(["allow", "block"]),
  type: listType,
  value: z.string().min(1),
  note: z.string().optional(),
});

const defaultRules: z.input<typeof rule>[] = [
  { name: "allow-listed", when: { onList: "allow" }, action: { type: "allow" } },
  { name: "block-listed", when: { onList: "block" }, action: { type: "block" } },
  { name: "block-confirmed-attack", when: { minScore: 90, verdict: ["attack"] }, action: { type: "block" } },
  {
    name: "throttle-attack",
    when: { verdict: ["attack"] },
    action: { type: "throttle", perMinute: 6, burst: 3, scope: "campaign" },
  },
  {
    name: "degrade-review",
    when: { verdict: ["review"] },
    action: { type: "degrade", withholdReasoning: true },
  },
];

const policy = z.object({
  rules: z.array(rule).default(() => z.array(rule).parse(defaultRules)),
  lists: z.array(listEntry).default([]),
  /** When the detector errors or lags: `open` lets traffic through, `closed` blocks it. */
  failMode: z.enum(["open", "closed"]).default("open"),
  /** A verdict older than this is considered lagging. */
  maxDecisionAgeMs: z.number().int().positive().default(60_000),
});

const gateway = z.object({
  adminKey: z.string().min(16).optional(),
  upstreamTimeoutMs: z.number().int().positive().default(600_000),
});

const server = z.object({
  adminKey: z.string().min(16).optional(),
});

const cluster = z.object({
  natsUrl: z.string().default("nats://127.0.0.1:4222"),
  postgresUrl: z.string().default("postgres://postgres@127.0.0.1:5432/postgres"),
  partitions: z.number().int().positive().default(16),
  stream: z.string().default("DISTILLWATCH"),
});

/** The whole configuration. */
export const configSchema = z.object({
  thresholds: thresholds.default({ attack: 70, review: 40 }),
  engine: engine.default(engine.parse({})),
  policy: policy.default(policy.parse({})),
  gateway: gateway.default(gateway.parse({})),
  server: server.default(server.parse({})),
  cluster: cluster.default(cluster.parse({})),
});

export type Config = z.infer<typeof configSchema>;
export type PolicyRule = z.infer<typeof rule>;
export type PolicyAction = z.infer<typeof action>;
export type PolicyCondition = z.infer<typeof condition>;
export type ConfigListEntry = z.infer<typeof listEntry>;
