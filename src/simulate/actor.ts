// Turns an AccountPlan into a time-ordered stream of contract lines. Each actor keeps only
// its session state (next time, previous turn for follow-ups), so thousands of actors can be
// merged by a heap without ever holding the exchanges themselves.
import { sampleStatus } from "./incidental.js";
import type { LineBuf } from "./line-buf.js";
import {
  BUDGETS,
  EFFORTS,
  END_USER,
  FINISH,
  LATENCY,
  MODEL_LARGE,
  MODEL_LARGE_OLD,
  MODEL_MINI,
  MODEL_MINI_OLD,
  NO_USAGE,
  OUTPUT,
  PARAMS_CLOSE,
  PARAMS_OPEN,
  SEED,
  STATUS,
  TOOL_CALLS,
  USAGE_CACHED,
  USAGE_IN,
  USAGE_OUT,
  USAGE_REASON,
  cachedBytes,
  paramsText,
  toolsBytes,
  writeBody,
  writeTs,
} from "./line-parts.js";
import type { Corpora } from "./corpus.js";
import type { AccountPlan, Behaviour, RunContext } from "./plan.js";
import type { Turn } from "./recipes-shared.js";
import { Rng } from "./rng.js";
import type { SessionClock } from "./timing.js";
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
const EMPTY_BYTES: Uint8Array = new Uint8Array(0);

/** What one request drew, between drawing and writing (rendering on a thread is sequential). */
const drawn = {
  slot: false,
  system: undefined as Snip | undefined,
  reasoning: false,
  params: EMPTY_BYTES,
  seed: -1,
  tools: null as Uint8Array | null,
  effort: null as Uint8Array | null,
  inTok: 0,
  output: undefined as unknown as Snip,
  finish: FINISH.stop,
  outTok: 0,
  reasonTok: 0,
  cachedTok: 0,
  latency: 0,
  key: 0,
  model: EMPTY_BYTES,
};
const endUserBytes = new Map<string, Uint8Array>();
const ipBytes = new Map<string, Uint8Array>();
const campaignBytes = new Map<string, Uint8Array>();

/** Emits one account's exchanges, in time order, one at a time. */
export class Actor {
  readonly plan: AccountPlan;
  /** Epoch ms of the next exchange; Infinity when done. */
  nextTs: number;
  /** Campaign of the last emitted exchange, encoded (null for customer traffic). */
  lastCampaign: Uint8Array | null = null;
  /** The account id, encoded (truth-exchanges.tsv rows carry it). */
  readonly idBytes: Uint8Array;
  private readonly r: Rng;
  private emitted = 0;
  private left = 0;
  private behaviour: Behaviour | undefined;
  private readonly weights: readonly number[];
  private endUser: Uint8Array | null = null;
  private ip: Uint8Array;
  /** The account's addresses and campaigns (by behaviour), encoded on first use. */
  private readonly ips: (Uint8Array | undefined)[] = [];
  private readonly campaigns: readonly (Uint8Array | null)[];
  private campaign: Uint8Array | null = null;
  private prevUser: Snip | null = null;
  private prevOut: Snip = EMPTY;
  private banned = false;
  private readonly maxTokens: number | null;
  /** Account-constant stretches of the line, encoded once: `","ts":"…",` is followed by head… */
  private readonly headBytes: Uint8Array;
  private readonly keyBytes: readonly Uint8Array[];
  /** The fields after the address up to the model name, then the model (before and after adopting the new one). */
  private readonly tailOld: Uint8Array;
  private readonly tailNew: Uint8Array;
  /** `,"params":{…},"output":"`: what follows the body of most successful requests. */
  private readonly plainOutput: Uint8Array;
  // the plan's values read per request, copied here: one object to reach instead of four
  // (each account's state is touched once per ~5,000 requests, so every hop is a cache miss)
  private readonly budget: number;
  private readonly end: number;
  private readonly banAt: number;
  private readonly adoptAt: number;
  private readonly pressure: number;
  private readonly followUpShare: number;
  private readonly stickyIp: boolean;
  private readonly systemShare: number;
  private readonly reasoningShare: number;
  private readonly seedParam: boolean;
  private readonly endpoint: string;
  private readonly placement: string;
  private readonly keyCount: number;
  private readonly clock: SessionClock;
  private readonly corpora: Corpora;
  /** The habitual params as a member list, and the occasional temperature overrides (by tenths). */
  private readonly baseParams: Uint8Array;
  private readonly jittered: (Uint8Array | undefined)[] = [];

  constructor(plan: AccountPlan, ctx: RunContext) {
    this.plan = plan;
    this.r = new Rng(plan.seed, "actor");
    this.budget = plan.budget;
    this.end = plan.end;
    this.banAt = plan.banAt;
    this.adoptAt = plan.adoptAt;
    this.pressure = plan.pressure;
    this.followUpShare = plan.followUp;
    this.stickyIp = plan.stickyIp;
    this.systemShare = plan.sampling.systemShare;
    this.reasoningShare = plan.sampling.reasoningShare;
    this.seedParam = plan.sampling.seedParam;
    this.endpoint = plan.client.endpoint;
    this.placement = plan.client.placement;
    this.keyCount = plan.keys.length;
    this.clock = plan.clock;
    this.corpora = ctx.corpora;
    this.campaigns = plan.mix.map((b) =>
      b.campaign === null ? null : cachedBytes(campaignBytes, b.campaign),
    );
    this.ip = this.pickIp();
    const sp = plan.sampling;
    this.maxTokens = sp.maxTokens ?? (plan.client.endpoint === "messages" ? 4096 : null);
    this.baseParams = Buffer.from(paramsText(sp.temperature, sp.topP, this.maxTokens, sp.stream));
    this.headBytes = Buffer.from(`",${plan.head}`);
    this.keyBytes = plan.keys.map((k) => Buffer.from(`,"key":"${k}",`));
    const tail = Buffer.from(`,${plan.tail},"model":"`);
    const large = plan.tier === "large";
    this.tailOld = Buffer.concat([tail, large ? MODEL_LARGE_OLD : MODEL_MINI_OLD]);
    this.tailNew = Buffer.concat([tail, large ? MODEL_LARGE : MODEL_MINI]);
    this.plainOutput = Buffer.concat([PARAMS_OPEN, this.baseParams, PARAMS_CLOSE, OUTPUT]);
    this.idBytes = Buffer.from(plan.id);
    this.weights = plan.mix.map((b) => b.weight);
    this.nextTs = this.startSession(plan.start);
  }

  private pickIp(): Uint8Array {
    const endpoints = this.plan.endpoints;
    const i = this.r.int(endpoints.length);
    let b = this.ips[i];
    if (!b) {
      const e = endpoints[i];
      if (!e) throw new Error(`account ${this.plan.id} has no address`);
      b = cachedBytes(ipBytes, e.json);
      this.ips[i] = b;
    }
    return b;
  }

  private startSession(after: number): number {
    if (this.emitted >= this.budget) return Infinity;
    const t = this.clock.next(this.r, after);
    if (t > this.end) return Infinity;
    this.left = this.clock.size(this.r);
    const k = this.r.weighted(this.weights);
    this.behaviour = this.plan.mix[k];
    this.campaign = this.campaigns[k] ?? null;
    const users = this.behaviour?.endUsers;
    this.endUser = users && users.length ? cachedBytes(endUserBytes, this.r.pick(users)) : null;
    if (this.stickyIp) this.ip = this.pickIp();
    this.prevUser = null;
    return Math.round(t);
  }

  /** Renders the line for `nextTs` into `out` and advances to the following exchange. */
  emit(out: LineBuf): void {
    const r = this.r;
    const ts = this.nextTs;
    const b = this.behaviour;
    if (!b) throw new Error(`account ${this.plan.id} has no behaviour`);
    if (!this.stickyIp) this.ip = this.pickIp();
    const turn =
      this.prevUser !== null && r.chance(this.followUpShare)
        ? this.followUp(this.prevUser, this.prevOut)
        : b.recipe(r, this.corpora);
    const status = this.banned || ts >= this.banAt ? 403 : sampleStatus(r, this.pressure);
    if (status === 403) this.banned = true;
    this.render(out, ts, turn, status);
    this.lastCampaign = this.campaign;
    this.prevUser = turn.msgs[turn.msgs.length - 1]?.c ?? EMPTY;
    this.prevOut = turn.out;
    this.emitted++;
    this.left--;
    if (this.banned && this.left <= 0) this.nextTs = Infinity;
    else if (this.left > 0 && this.emitted < this.budget)
      this.nextTs = ts + 1 + Math.round(this.clock.gap(r));
    else this.nextTs = this.startSession(ts + 1 + this.clock.gap(r));
  }

  /** The params with an occasional temperature override (people and scripts alike do that). */
  private jitterParams(): Uint8Array {
    const sp = this.plan.sampling;
    if (sp.temperature === null) return this.baseParams;
    const tenths = Math.round(this.r.next() * 10);
    let b = this.jittered[tenths];
    if (!b) {
      b = Buffer.from(paramsText(tenths / 10, sp.topP, this.maxTokens, sp.stream));
      this.jittered[tenths] = b;
    }
    return b;
  }

  private followUp(user: Snip, out: Snip): Turn {
    const r = this.r;
    const next = r.pick(FOLLOW_UPS);
    return {
      msgs: [
        { role: "user", c: clip(user, 1200) },
        { role: "assistant", c: clip(out, 800) },
        { role: "user", c: next },
      ],
      out: r.pick(this.corpora.outputs.general),
      outCalls: 0,
      reasoning: false,
      template: "follow-up",
    };
  }

  // Draws happen in the order they always have (the bytes depend on it); writing follows
  // field order, so values are drawn first (into `drawn`) and written after.
  private draw(turn: Turn, status: number, ts: number): void {
    const r = this.r;
    const d = drawn;
    const endpoint = this.endpoint;
    const messagesApi = endpoint === "messages";
    // whether instructions travel in a system slot is the account's habit, not the content's:
    // otherwise persona apps (always a system prompt) would differ from campaigns by placement
    d.slot = r.chance(this.systemShare);
    const system = turn.system ?? (d.slot ? r.pick(GENERIC_SYSTEMS) : undefined);
    d.system = system;
    let inChars = system ? system.n : 0;
    for (const m of turn.msgs) inChars += m.c.n;

    const share = this.reasoningShare;
    const reasoning = r.chance(turn.reasoning ? Math.max(share, 0.45) : share);
    d.reasoning = reasoning;
    d.params = r.chance(0.1) ? this.jitterParams() : this.baseParams;
    d.seed = this.seedParam ? r.int(100000) : -1;
    d.tools = turn.tools && endpoint !== "completions" ? toolsBytes(turn.tools) : null;
    d.effort = reasoning ? (messagesApi ? r.pick(BUDGETS) : r.pick(EFFORTS)) : null;
    const maxTokens = this.maxTokens;

    const inTok = Math.max(1, Math.round((inChars / 4) * (0.9 + 0.2 * r.next())));
    d.inTok = inTok;
    d.output = turn.out;
    d.outTok = 0;
    d.reasonTok = 0;
    d.cachedTok = 0;
    if (status === 200) {
      d.finish =
        turn.outCalls > 0
          ? messagesApi
            ? FINISH.toolUse
            : FINISH.toolCalls
          : messagesApi
            ? FINISH.endTurn
            : FINISH.stop;
      let outTok = Math.max(1, Math.round((turn.out.n / 4) * (0.9 + 0.2 * r.next())));
      if (maxTokens !== null && outTok > maxTokens) {
        d.output = clip(turn.out, maxTokens * 4);
        outTok = maxTokens;
        d.finish = messagesApi ? FINISH.maxTokens : FINISH.length;
      }
      const reasonTok = reasoning ? Math.round(r.lognormal(turn.reasoning ? 1800 : 700, 0.8)) : 0;
      d.outTok = outTok;
      d.reasonTok = reasonTok;
      d.cachedTok = turn.msgs.length > 1 || system ? Math.round(inTok * r.next() * 0.8) : 0;
      d.latency = Math.round(250 + r.exp(300) + outTok * (8 + r.next() * 12) + reasonTok * 9);
    } else {
      d.latency = Math.round(20 + r.exp(80));
    }
    // keys are distinct ids, so the drawn key's index is the draw itself
    d.key = this.keyCount === 1 ? 0 : r.int(this.keyCount);
    d.model = ts >= this.adoptAt ? this.tailNew : this.tailOld;
  }

  private render(out: LineBuf, ts: number, turn: Turn, status: number): void {
    this.draw(turn, status, ts);
    const { system, params, seed, tools, effort, output, finish, latency, reasoning } = drawn;
    out.lineStart();
    writeTs(out, ts);
    out.raw(this.headBytes);
    if (this.endUser !== null) {
      out.raw(END_USER);
      out.raw(this.endUser);
      out.byte(34);
    }
    out.raw(this.keyBytes[drawn.key] ?? (this.keyBytes[0] as Uint8Array));
    out.raw(this.ip);
    out.raw(drawn.model);
    writeBody(out, this.endpoint, drawn.slot ? this.placement : "none", system, turn.msgs);
    if (status === 200 && params === this.baseParams && seed < 0 && tools === null && effort === null)
      out.raw(this.plainOutput);
    else this.writeParams(out, params, seed, tools, effort, status === 200);
    if (status === 200) {
      out.snip(output);
      out.byte(34);
      if (turn.outCalls) {
        out.raw(TOOL_CALLS);
        out.int(turn.outCalls);
      }
      out.raw(finish);
      out.int(latency);
      out.raw(USAGE_IN);
      out.int(drawn.inTok);
      out.raw(USAGE_OUT);
      out.int(drawn.outTok + drawn.reasonTok);
      if (reasoning) {
        out.raw(USAGE_REASON);
        out.int(drawn.reasonTok);
      }
      out.raw(USAGE_CACHED);
      out.int(drawn.cachedTok);
      out.byte(125);
      out.byte(125);
    } else {
      out.raw(STATUS);
      out.int(status);
      out.raw(LATENCY);
      out.int(latency);
      out.raw(NO_USAGE);
    }
  }

  /** `,"params":{…},` with whatever this request adds to the habitual params, then `"output":"` on success. */
  private writeParams(
    out: LineBuf,
    params: Uint8Array,
    seed: number,
    tools: Uint8Array | null,
    effort: Uint8Array | null,
    ok: boolean,
  ): void {
    out.raw(PARAMS_OPEN);
    let sep = params.length > 0;
    out.raw(params);
    if (seed >= 0) {
      if (sep) out.byte(44);
      out.raw(SEED);
      out.int(seed);
      sep = true;
    }
    if (tools !== null) {
      if (sep) out.byte(44);
      out.raw(tools);
      sep = true;
    }
    if (effort !== null) {
      if (sep) out.byte(44);
      out.raw(effort);
    }
    out.raw(PARAMS_CLOSE);
    if (ok) out.raw(OUTPUT);
  }
}
