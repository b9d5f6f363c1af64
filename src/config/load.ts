// Loads the configuration: defaults, then a JSON file, then environment variables. This is the
// only module that reads process.env (STYLE.md rule 4).
import { readFileSync } from "node:fs";
import { DistillwatchError } from "../errors.js";
import { configSchema, type Config } from "./schema.js";

/** Environment variables distillwatch reads, and where each lands in the config. */
const envMap: [string, (c: Record<string, Record<string, unknown>>, v: string) => void][] = [
  ["DISTILLWATCH_ADMIN_KEY", (c, v) => ((c.server ??= {}).adminKey = v)],
  ["DISTILLWATCH_GATEWAY_ADMIN_KEY", (c, v) => ((c.gateway ??= {}).adminKey = v)],
  ["DISTILLWATCH_NATS_URL", (c, v) => ((c.cluster ??= {}).natsUrl = v)],
  ["DISTILLWATCH_POSTGRES_URL", (c, v) => ((c.cluster ??= {}).postgresUrl = v)],
];

/** Parses a config object (file contents plus env); errors name the offending field. */
export function parseConfig(raw: unknown, env: Record<string, string | undefined> = {}): Config {
  const base = (typeof raw === "object" && raw !== null ? structuredClone(raw) : {}) as Record<
    string,
    Record<string, unknown>
  >;
  for (const [name, apply] of envMap) {
    const v = env[name];
    if (v) apply(base, v);
  }
  const r = configSchema.safeParse(base);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new DistillwatchError("config_invalid", `invalid configuration: ${detail}`);
  }
  return r.data;
}

/** Loads the config file (JSON) when given, merged with the process environment. */
export function loadConfig(file?: string): Config {
  let raw: unknown = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (cause) {
      throw new DistillwatchError("input_unreadable", `cannot read config file ${file}`, { cause });
    }
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      throw new DistillwatchError(
        "config_invalid",
        `config file ${file} is not valid JSON: ${(cause as Error).message}`,
        { cause },
      );
    }
  }
  return parseConfig(raw, process.env);
}

/** Whether the process runs under CI (tests that need services are then required). */
export function isCI(): boolean {
  return process.env.CI === "true" || process.env.CI === "1";
}
