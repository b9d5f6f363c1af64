// Turns an AccountPlan into a time-ordered stream of contract lines. Each actor keeps only
// its session state (next time, previous turn for follow-ups), so thousands of actors can be
// merged by a heap without ever holding the exchanges themselves.
import { sampleStatus } from "./incidental.js";
import type { LineBuf } from "./line-buf.js";
import type { AccountPlan, Behaviour, RunContext } from "./plan.js";
import type { Msg, Turn } from "./recipes-shared.js";
import { Rng } from "./rng.js";
import { clip, snip, type Snip } from "./text.js";

const FOLLOW_UPS = [
  "Thanks! Can you make it shorter?",
  "Can you give an example?",
  "That didn't work, I get an error. Any idea why?",
  "ok now do the same but in a table",
  "Why is that? Explain in more detail.",
  "Great. What would you change to make it better?",
  "Could you continue?",
  "Please rewrite it in a more formal tone.",
].map((x) => snip(x));
const GENERIC_SYSTEMS = [
  "You are a helpful assistant.",
  "You are a helpful, concise assistant.",
  "You are an expert assistant. Answer accurately.",
].map((x) => snip(x));
const EMPTY = snip("");
const EMPTY_BYTES = new Uint8Array(0);

/** Emits one account's exchanges, in time order, one at a time. */
export class Actor {
  readonly plan: AccountPlan;
  /** Epoch ms of the next exchange; Infinity when done. */
  nextTs: number;
  /** Campaign of the last emitted exchange (null for customer traffic). */
  lastCampaign: string | null = null;
  private readonly r: Rng;
  private emitted = 0;
  private left = 0;
  private behaviour: Behaviour | undefined;
  private endUser: string | undefined;
  private ip: string;
  private prev: { user: Snip; out: Snip } | undefined;
  private banned = false;
  private readonly maxTokens: number | null;
  /** The account's habitual params, rendered once (most requests reuse them verbatim). */
  private readonly baseParams: string;
  /** Account-constant stretches of the line, encoded once: `","ts":"…",` is followed by head… */
  private readonly headBytes: Uint8Array;
  private readonly keyBytes: readonly Uint8Array[];
  private readonly tailBytes: Uint8Array;
  /** The habitual params as they appear when nothing is added: `,"params":{…},`. */
  private readonly baseParamsBytes: Uint8Array;

  constructor(
    plan: AccountPlan,
    private readonly ctx: RunContext,
  ) {
    this.plan = plan;
    this.r = new Rng(plan.seed, "actor");
    this.ip = this.pickIp();
    const sp = plan.sampling;
    this.maxTokens = sp.maxTokens ?? (plan.client.endpoint === "messages" ? 4096 : null);
    this.baseParams = renderParams(sp.temperature, sp.topP, this.maxTokens, sp.stream);
    this.headBytes = Buffer.from(`",${plan.head}`);
    this.keyBytes = plan.keys.map((k) => Buffer.from(`,"key":"${k}",`));
    this.tailBytes = Buffer.from(`,${plan.tail},"model":"`);
    this.baseParamsBytes = Buffer.from(`,"params":{${this.baseParams.slice(0, -1)}},`);
    this.nextTs = this.startSession(plan.start);
  }

  private pickIp(): string {
    return this.r.pick(this.plan.endpoints).json;
  }

  private startSession(after: number): number {
    const p = this.plan;
    if (this.emitted >= p.budget) return Infinity;
    const t = p.clock.next(this.r, after);
    if (t > p.end) return Infinity;
    this.left = p.clock.size(this.r);
    const weights = p.mix.map((b) => b.weight);
    this.behaviour = p.mix[this.r.weighted(weights)];
    const users = this.behaviour?.endUsers;
    this.endUser = users && users.length ? this.r.pick(users) : undefined;
    if (p.stickyIp) this.ip = this.pickIp();
    this.prev = undefined;
    return Math.round(t);
  }

  /** Renders the line for `nextTs` into `out` and advances to the following exchange. */
  emit(out: LineBuf): void {
    const p = this.plan;
    const r = this.r;
    const ts = this.nextTs;
    const b = this.behaviour ?? p.mix[0];
    if (!b) throw new Error(`account ${p.id} has no behaviour`);
    if (!p.stickyIp) this.ip = this.pickIp();
    const turn = this.prev && r.chance(p.followUp) ? this.followUp(this.prev) : b.recipe(r, this.ctx.corpora);
    const status = this.banned || ts >= p.banAt ? 403 : sampleStatus(r, p.pressure);
    if (status === 403) this.banned = true;
    this.render(out, ts, turn, status);
    this.lastCampaign = b.campaign;
    this.prev = { user: turn.msgs[turn.msgs.length - 1]?.c ?? EMPTY, out: turn.out };
    this.emitted++;
    this.left--;
    if (this.banned && this.left <= 0) this.nextTs = Infinity;
    else if (this.left > 0 && this.emitted < p.budget) this.nextTs = ts + 1 + Math.round(p.clock.gap(r));
    else this.nextTs = this.startSession(ts + 1 + p.clock.gap(r));
  }

  private jitterParams(): string {
    const sp = this.plan.sampling;
    // people and scripts alike occasionally override their usual temperature
    return renderParams(
      sp.temperature === null ? null : Math.round(this.r.next() * 10) / 10,
      sp.topP,
      this.maxTokens,
      sp.stream,
    );
  }

  private followUp(prev: { user: Snip; out: Snip }): Turn {
    const r = this.r;
    const user = r.pick(FOLLOW_UPS);
    return {
      msgs: [
        { role: "user", c: clip(prev.user, 1200) },
        { role: "assistant", c: clip(prev.out, 800) },
        { role: "user", c: user },
      ],
      out: r.pick(this.ctx.corpora.outputs.general),
      outCalls: 0,
      reasoning: false,
      template: "follow-up",
    };
  }

  // Draws happen in the order they always have (the bytes depend on it); writing follows
  // field order, so values are drawn first and written after.
  private render(out: LineBuf, ts: number, turn: Turn, status: number): void {
    const p = this.plan;
    const r = this.r;
    const s = p.sampling;
    const endpoint = p.client.endpoint;
    const model =
      ts >= p.adoptAt
        ? p.tier === "large"
          ? "aurora-3"
          : "aurora-3-mini"
        : p.tier === "large"
          ? "aurora-2.5"
          : "aurora-2.5-mini";
    // whether instructions travel in a system slot is the account's habit, not the content's:
    // otherwise persona apps (always a system prompt) would differ from campaigns by placement
    const slot = r.chance(s.systemShare);
    const system = turn.system ?? (slot ? r.pick(GENERIC_SYSTEMS) : undefined);
    let inChars = system ? system.n : 0;
    for (const m of turn.msgs) inChars += m.c.n;

    const reasoning = r.chance(turn.reasoning ? Math.max(s.reasoningShare, 0.45) : s.reasoningShare);
    let params = r.next() < 0.1 ? this.jitterParams() : this.baseParams;
    if (s.seedParam) params += `"seed":${r.int(100000)},`;
    if (turn.tools && endpoint !== "completions")
      params += `"tools":[${turn.tools.map((t) => `{"type":"function","function":{"name":"${t}"}}`).join(",")}],`;
    if (reasoning)
      params +=
        endpoint === "messages"
          ? `"reasoning":{"type":"enabled","budget_tokens":${r.pick(BUDGETS)}},`
          : `"reasoning":{"effort":"${r.pick(EFFORTS)}"},`;
    // the habitual params, untouched, are the common case: their bytes are ready
    const plain = params === this.baseParams;
    if (!plain) params = params.length ? params.slice(0, -1) : "";
    const maxTokens = this.maxTokens;

    const inTok = Math.max(1, Math.round((inChars / 4) * (0.9 + 0.2 * r.next())));
    let output = turn.out;
    let finish = "";
    let outTok = 0;
    let reasonTok = 0;
    let cachedTok = 0;
    let latency: number;
    if (status === 200) {
      finish =
        turn.outCalls > 0
          ? endpoint === "messages"
            ? "tool_use"
            : "tool_calls"
          : endpoint === "messages"
            ? "end_turn"
            : "stop";
      outTok = Math.max(1, Math.round((output.n / 4) * (0.9 + 0.2 * r.next())));
      if (maxTokens !== null && outTok > maxTokens) {
        output = clip(output, maxTokens * 4);
        outTok = maxTokens;
        finish = endpoint === "messages" ? "max_tokens" : "length";
      }
      reasonTok = reasoning ? Math.round(r.lognormal(turn.reasoning ? 1800 : 700, 0.8)) : 0;
      cachedTok = turn.msgs.length > 1 || system ? Math.round(inTok * r.next() * 0.8) : 0;
      latency = Math.round(250 + r.exp(300) + outTok * (8 + r.next() * 12) + reasonTok * 9);
    } else {
      latency = Math.round(20 + r.exp(80));
    }
    const key = p.keys.length === 1 ? 0 : p.keys.indexOf(r.pick(p.keys));

    out.lineStart();
    writeTs(out, ts);
    out.raw(this.headBytes);
    if (this.endUser) {
      out.raw(END_USER);
      out.raw(cached(endUserBytes, this.endUser));
      out.byte(34);
    }
    out.raw(this.keyBytes[key] ?? this.keyBytes[0] ?? EMPTY_BYTES);
    out.raw(cached(ipBytes, this.ip));
    out.raw(this.tailBytes);
    out.raw(MODELS.get(model) ?? EMPTY_BYTES);
    renderBody(out, endpoint, slot ? p.client.placement : "none", system, turn.msgs);
    if (plain) out.raw(this.baseParamsBytes);
    else {
      out.text(',"params":{');
      out.text(params);
      out.text("},");
    }
    if (status === 200) {
      out.raw(OUTPUT);
      out.snip(output);
      out.byte(34);
      if (turn.outCalls) {
        out.text(',"tool_calls":');
        out.int(turn.outCalls);
      }
      out.raw(FINISH.get(finish) ?? EMPTY_BYTES);
      out.int(latency);
      out.raw(USAGE_IN);
      out.int(inTok);
      out.raw(USAGE_OUT);
      out.int(outTok + reasonTok);
      if (reasoning) {
        out.raw(USAGE_REASON);
        out.int(reasonTok);
      }
      out.raw(USAGE_CACHED);
      out.int(cachedTok);
      out.byte(125);
      out.byte(125);
    } else {
      out.text('"status":');
      out.int(status);
      out.text(',"latency_ms":');
      out.int(latency);
      out.text(',"usage":{"input_tokens":0,"output_tokens":0}}');
    }
  }
}

function renderParams(
  temperature: number | null,
  topP: number | null,
  maxTokens: number | null,
  stream: boolean,
): string {
  let p = "";
  if (temperature !== null) p += `"temperature":${temperature},`;
  if (topP !== null) p += `"top_p":${topP},`;
  if (maxTokens !== null) p += `"max_tokens":${maxTokens},`;
  if (stream) p += `"stream":true,`;
  return p;
}

let isoMinute = -1;
let isoHead: Uint8Array = new Uint8Array(0);

/** RFC 3339 UTC time after `","ts":"`; output is time-sorted, so the minute's bytes are cached. */
function writeTs(out: LineBuf, ts: number): void {
  const m = Math.floor(ts / 60_000);
  if (m !== isoMinute) {
    isoMinute = m;
    isoHead = Buffer.from(`","ts":"${new Date(m * 60_000).toISOString().slice(0, 17)}`);
  }
  const rest = ts - m * 60_000;
  const sec = Math.floor(rest / 1000);
  out.raw(isoHead);
  out.fixed(sec, 2);
  out.byte(46);
  out.fixed(rest - sec * 1000, 3);
  out.byte(90);
}

const bytes = (s: string): Uint8Array => Buffer.from(s);
const MODELS = new Map(
  ["aurora-3", "aurora-3-mini", "aurora-2.5", "aurora-2.5-mini"].map((m) => [m, bytes(`${m}",`)]),
);
const FINISH = new Map(
  ["tool_use", "tool_calls", "end_turn", "stop", "max_tokens", "length"].map((f) => [
    f,
    bytes(`,"finish":"${f}","status":200,"latency_ms":`),
  ]),
);
const OUTPUT = bytes('"output":"');
const USAGE_IN = bytes(',"usage":{"input_tokens":');
const USAGE_OUT = bytes(',"output_tokens":');
const USAGE_REASON = bytes(',"reasoning_tokens":');
const USAGE_CACHED = bytes(',"cached_tokens":');
const END_USER = bytes(',"end_user":"');
const endUserBytes = new Map<string, Uint8Array>();
const ipBytes = new Map<string, Uint8Array>();

/** Encoded once per distinct value: the vocabularies (end users, client addresses) are small. */
function cached(map: Map<string, Uint8Array>, s: string): Uint8Array {
  let b = map.get(s);
  if (!b) {
    b = Buffer.from(s);
    if (map.size < 1_000_000) map.set(s, b);
  }
  return b;
}

const BUDGETS = [1024, 2048, 4096, 8192, 16000];
const EFFORTS = ["low", "medium", "medium", "high"];

/** Serializes system prompt and messages the way the account's SDK would send them. */
function renderBody(
  out: LineBuf,
  endpoint: string,
  placement: string,
  system: Snip | undefined,
  msgs: readonly Msg[],
): void {
  if (endpoint === "completions") {
    out.text('"prompt":"');
    if (system) {
      out.snip(system);
      out.text("\\n\\n");
    }
    for (const m of msgs) {
      if (m.role === "tool") continue;
      out.snip(m.c);
      out.text("\\n\\n");
    }
    out.byte(34);
    return;
  }
  const anthropic = endpoint === "messages";
  let merge: Snip | undefined;
  let first = true;
  if (system) {
    if (anthropic && placement === "system-field") {
      out.text('"system":"');
      out.snip(system);
      out.text('",');
    } else if (!anthropic && (placement === "system-role" || placement === "developer-role")) {
      out.text(
        placement === "system-role"
          ? '"messages":[{"role":"system","content":"'
          : '"messages":[{"role":"developer","content":"',
      );
      out.snip(system);
      out.text('"}');
      first = false;
    } else merge = system;
  }
  if (first) out.text('"messages":[');
  for (const m of msgs) {
    if (!first) out.byte(44);
    first = false;
    if (m.role === "user") {
      out.text('{"role":"user","content":"');
      if (merge) {
        out.snip(merge);
        out.text("\\n\\n");
        merge = undefined;
      }
      out.snip(m.c);
      out.text('"}');
    } else if (m.role === "assistant") {
      if (m.call) {
        out.text(
          anthropic
            ? '{"role":"assistant","content":[{"type":"tool_use","id":"'
            : '{"role":"assistant","content":null,"tool_calls":[{"id":"',
        );
        out.callId();
        out.text(anthropic ? '","name":"' : '","type":"function","function":{"name":"');
        out.text(m.call);
        out.text(anthropic ? '","input":{}}]}' : '","arguments":"{}"}}]}');
      } else {
        out.text('{"role":"assistant","content":"');
        out.snip(m.c);
        out.text('"}');
      }
    } else {
      out.text(
        anthropic
          ? '{"role":"user","content":[{"type":"tool_result","tool_use_id":"'
          : '{"role":"tool","tool_call_id":"',
      );
      out.callId();
      out.text('","content":"');
      out.snip(m.c);
      out.text(anthropic ? '"}]}' : '"}');
    }
  }
  out.byte(93);
}
