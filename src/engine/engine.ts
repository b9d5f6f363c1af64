// The incremental detection engine: exchanges in event-time order → content signals and
// template ids → per-account profiles → periodic linkage clustering → campaign and account
// scores. State is bounded per account; verdicts and first_flagged_at are what the engine knew
// at that point of event time.
import type { Config } from "../config/index.js";
import type { ExchangeFacts } from "../events/normalize.js";
import { harvestScore, ipPrefix } from "../profiles/index.js";
import { toReasons, type AccountVerdict, type Campaign, type Evidence } from "../scoring/index.js";
import type { ContentModel } from "../signals/content/index.js";
import { annotateContent, templateText } from "../signals/annotate.js";
import { TemplateMiner, TemplateStats } from "../signals/template/index.js";
import type { ExchangeSignals } from "../signals/types.js";
import { AccountState } from "./account-state.js";
import { findCampaigns } from "./find-campaigns.js";
import { combineScore, rescoreOwn } from "./rescore.js";
import type { Detector, DetectorStats } from "./types.js";

export interface EngineOptions {
  contentModel: ContentModel;
  /** Slots of the template band table (power of two); smaller for tests. */
  templateSlots?: number;
}

/** Per-exchange work that can be done ahead of `ingest`, outside the engine's state. */
export interface PreparedSignals {
  content: Omit<ExchangeSignals, "template">;
  templateKeys: ArrayLike<number>;
  /** Template id already assigned with `assignTemplate` (skips the band look-up). */
  templateId?: number;
}

interface CampaignState {
  campaign: Campaign;
  logit: number;
  harvest: number;
}

/** An account is rescored after a quarter more requests, but at least every this many. */
const RESCORE_EVERY_MAX = 16;

/** The detection engine (implements Detector). */
export class Engine implements Detector {
  private readonly accounts = new Map<string, AccountState>();
  private readonly miner: TemplateMiner;
  private readonly templates: TemplateStats;
  private readonly listeners = new Set<(changed: AccountVerdict[]) => void>();
  private campaignList: CampaignState[] = [];
  // Flagged campaigns by the indicator values their accounts share, one map per kind so the
  // keys are the profiles' own strings (and template numbers), not new concatenations.
  private readonly campaignByPayment = new Map<string, CampaignState>();
  private readonly campaignByTemplate = new Map<number, CampaignState>();
  private readonly campaignByPrefix = new Map<string, CampaignState>();
  private nextCampaign = 1;
  private exchanges = 0;
  private sinceCluster = 0;
  private lastClusterTs = 0;
  private reclusters = 0;
  private watermark = 0;
  private lastCandidates = 0;
  private clusterMs = 0;

  constructor(
    private readonly config: Config,
    private readonly opts: EngineOptions,
  ) {
    this.miner = new TemplateMiner(opts.templateSlots ?? 1 << 21);
    this.templates = new TemplateStats(opts.templateSlots ? opts.templateSlots >> 1 : 1 << 20);
  }

  /** Content scores of one exchange (stateless; may run ahead of `ingest`, e.g. in workers). */
  annotate(f: ExchangeFacts): Omit<ExchangeSignals, "template"> {
    return annotateContent(this.opts.contentModel, f);
  }

  /** Assigns the template id of precomputed band keys (before deduplication, so rows carry it). */
  assignTemplate(keys: ArrayLike<number>): number {
    return this.miner.assignKeys(keys);
  }

  /**
   * Processes one exchange. `pre` carries work done ahead (possibly in a worker thread): the
   * content scores and the template band keys; without it both are computed here.
   */
  ingest(f: ExchangeFacts, pre?: PreparedSignals): ExchangeSignals {
    const c = pre?.content ?? this.annotate(f);
    const templateId = pre
      ? (pre.templateId ?? this.miner.assignKeys(pre.templateKeys))
      : this.miner.assign(f.system, templateText(f));
    const signals: ExchangeSignals = {
      scores: c.scores,
      capability: c.capability,
      template: templateId ? templateId.toString(16) : "",
    };
    let s = this.accounts.get(f.account);
    if (!s) this.accounts.set(f.account, (s = new AccountState(f.account)));
    // Sharing is counted in customers: the accounts of one organisation count once.
    s.profile.declareOrg(f.org);
    const use = this.templates.record(templateId, f.account, s.profile.customer, harvestScore(c.scores));
    // Only templates whose requests look like harvesting count as shared campaign templates: popular
    // human prompts and eval formats are shared by many unrelated accounts too.
    s.profile.update(f, signals, use.harvest >= 0.4 ? use.accounts : 1, use.newForAccount);
    this.exchanges += 1;
    this.sinceCluster += 1;
    if (f.ts > this.watermark) this.watermark = f.ts;
    // an account that just joined a known campaign is rescored at once, not at its next step
    const joined =
      s.campaign === null && harvestScore(c.scores) >= 0.5 && this.joinKnownCampaign(s, f, templateId);
    if (joined || s.profile.n >= s.nextRescore) {
      s.nextRescore = s.profile.n + Math.max(1, Math.min(RESCORE_EVERY_MAX, s.profile.n >> 2));
      this.rescore(s, f.ts);
    }
    // Clustering runs every clusterEveryMs of event time, or sooner under heavy traffic (twice
    // the minimum gap), but never before enough new exchanges arrived to pay for it: its cost
    // grows with the candidate accounts, so the minimum gap does too.
    const every = this.clusterEvery();
    if (
      this.sinceCluster >= every &&
      (f.ts - this.lastClusterTs >= this.config.engine.clusterEveryMs || this.sinceCluster >= 2 * every)
    )
      this.recluster();
    return signals;
  }

  private clusterEvery(): number {
    // A pass costs time in proportion to the candidates: with few of them it is cheap, and
    // clustering runs more often (down to every clusterEveryExchanges), so that a small
    // provider's verdicts are not hours behind; past clusterCheapCandidates, the full
    // exchanges-per-candidate gap keeps clustering a bounded share of the work.
    const e = this.config.engine;
    const c = this.lastCandidates;
    return Math.max(
      e.clusterEveryExchanges,
      e.clusterExchangesPerCandidate * c * Math.min(1, c / e.clusterCheapCandidates),
    );
  }

  /** A replacement account that reuses a flagged campaign's payment, or its template from its IP blocks, joins it at once. */
  private joinKnownCampaign(s: AccountState, f: ExchangeFacts, templateId: number): boolean {
    const byPayment = f.payment ? this.campaignByPayment.get(f.payment) : undefined;
    const prefix = f.ip ? ipPrefix(f.ip) : undefined;
    const byTemplate = templateId ? this.campaignByTemplate.get(templateId) : undefined;
    const byPrefix = prefix ? this.campaignByPrefix.get(prefix) : undefined;
    // A payment card of the campaign is enough; an IP block of its proxy pool is enough for a
    // request that itself looks like harvesting (the caller checked); a template alone is not.
    const hit = byPayment ?? byPrefix ?? (byTemplate && byTemplate === byPrefix ? byTemplate : undefined);
    if (!hit) return false;
    s.campaign = hit.campaign.campaign;
    s.campaignLogit = hit.logit;
    s.campaignHarvest = hit.harvest;
    s.paymentTie = byPayment !== undefined;
    s.linkKinds = byPayment ? 2 : 1;
    return true;
  }

  private rescore(s: AccountState, ts: number): void {
    const before = s.score >= this.config.thresholds.attack;
    rescoreOwn(s);
    combineScore(s);
    const after = s.score >= this.config.thresholds.attack;
    if (after && s.firstFlaggedAt === null) s.firstFlaggedAt = ts;
    if (after !== before && this.listeners.size) this.emit([this.toVerdict(s)]);
  }

  recluster(): void {
    const t0 = performance.now();
    this.reclusterNow();
    this.clusterMs += performance.now() - t0;
  }

  private reclusterNow(): void {
    this.reclusters += 1;
    this.sinceCluster = 0;
    this.lastClusterTs = this.watermark;
    const found = findCampaigns(
      this.accounts.values(),
      (t) => (this.templates.harvestOf(t) >= 0.4 ? this.templates.accountsOf(t) : 0),
      this.config,
      {
        previous: (a) => this.accounts.get(a)?.campaign ?? null,
        fresh: () => `c${this.nextCampaign++}`,
      },
    );
    const candidates = found.candidates;
    this.lastCandidates = candidates.length;
    const previous = new Map<AccountState, string | null>();
    for (const s of this.accounts.values()) {
      if (s.campaign === null) continue;
      previous.set(s, s.campaign);
      s.campaign = null;
      s.campaignLogit = -10;
      s.campaignHarvest = 0;
      s.paymentTie = false;
      s.linkKinds = 0;
    }
    for (const [account, m] of found.membership) {
      const s = this.accounts.get(account)!;
      s.campaign = m.campaign;
      s.campaignLogit = m.logit;
      s.campaignHarvest = m.harvest;
      s.paymentTie = m.paymentTie;
      s.linkKinds = m.linkKinds;
    }
    this.campaignList = [];
    this.campaignByPayment.clear();
    this.campaignByTemplate.clear();
    this.campaignByPrefix.clear();
    for (const f of found.findings) {
      const st = { campaign: f.campaign, logit: f.logit, harvest: f.harvest };
      this.campaignList.push(st);
      if (f.campaign.score >= this.config.thresholds.attack) {
        // Every value the campaign's accounts share (not only the few the output lists), so a
        // replacement account is recognised from any of the pool's payment cards or IP blocks.
        for (const v of f.shared.get("payment")?.keys() ?? []) this.campaignByPayment.set(v, st);
        for (const v of f.shared.get("template")?.keys() ?? [])
          this.campaignByTemplate.set(Number.parseInt(v, 16), st);
        for (const v of f.shared.get("ip-prefix")?.keys() ?? []) this.campaignByPrefix.set(v, st);
        // Every proxy exit its members were seen on, shared or not yet: a low-and-slow campaign
        // reuses its pool's exits for new accounts long before two accounts share each one.
        for (const a of f.campaign.accounts) {
          const p = this.accounts.get(a)?.profile;
          if (!p) continue;
          for (const v of p.prefixSample.keys()) this.campaignByPrefix.set(v, st);
        }
      }
    }
    const changed: AccountVerdict[] = [];
    for (const s of new Set([...candidates, ...found.attached, ...previous.keys()])) {
      const before = s.score;
      const beforeCampaign = previous.get(s) ?? null;
      // own evidence depends on the profile alone: recomputed only if requests arrived since
      if (s.ownAt !== s.profile.n) rescoreOwn(s);
      combineScore(s);
      if (s.score >= this.config.thresholds.attack && s.firstFlaggedAt === null)
        s.firstFlaggedAt = this.watermark;
      if (this.listeners.size && (before !== s.score || beforeCampaign !== s.campaign))
        changed.push(this.toVerdict(s));
    }
    if (changed.length) this.emit(changed);
  }

  private emit(changed: AccountVerdict[]): void {
    for (const l of this.listeners) l(changed);
  }

  private label(score: number): AccountVerdict["verdict"] {
    const t = this.config.thresholds;
    return score >= t.attack ? "attack" : score >= t.review ? "review" : "benign";
  }

  private toVerdict(s: AccountState, withReasons = false): AccountVerdict {
    const verdict = this.label(s.score);
    let reasons: AccountVerdict["reasons"] = [];
    if (withReasons) {
      const ev: Evidence[] = rescoreOwn(s);
      combineScore(s);
      const c = s.campaign ? this.campaignList.find((x) => x.campaign.campaign === s.campaign) : undefined;
      if (c && s.campaignLogit > s.ownLogit) {
        ev.push({
          signal: "campaign-member",
          points: Math.max(0.1, s.campaignLogit - Math.max(0, s.ownLogit)),
          detail:
            `It belongs to campaign ${c.campaign.campaign}: ${c.campaign.accounts.length} coordinated accounts (campaign score ${c.campaign.score}); ${c.campaign.reasons[0]?.detail ?? ""}`.trim(),
        });
      }
      reasons = toReasons(ev);
    }
    return {
      account: s.profile.account,
      score: s.score,
      verdict,
      campaign: s.campaign,
      firstFlaggedAt: verdict === "attack" ? s.firstFlaggedAt : null,
      reasons,
      requests: s.profile.n,
      firstSeen: s.profile.firstSeen,
      lastSeen: s.profile.lastSeen,
    };
  }

  verdict(account: string): AccountVerdict | undefined {
    const s = this.accounts.get(account);
    return s ? this.toVerdict(s, true) : undefined;
  }

  *verdicts(): Iterable<AccountVerdict> {
    for (const s of this.accounts.values()) yield this.toVerdict(s, true);
  }

  campaigns(): Campaign[] {
    return this.campaignList
      .map((c) => c.campaign)
      .sort((a, b) => b.score - a.score || b.accounts.length - a.accounts.length);
  }

  onVerdicts(listener: (changed: AccountVerdict[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stats(): DetectorStats {
    let bytes = 0;
    // per account: its profile, its AccountState and its entry in the accounts map; plus the
    // flagged campaigns' indicator index (about 48 bytes an entry)
    for (const s of this.accounts.values()) bytes += s.profile.bytes + 96 + 40;
    bytes += 48 * (this.campaignByPayment.size + this.campaignByTemplate.size + this.campaignByPrefix.size);
    return {
      exchanges: this.exchanges,
      accounts: this.accounts.size,
      campaigns: this.campaignList.length,
      reclusters: this.reclusters,
      clusterMs: Math.round(this.clusterMs),
      watermark: this.watermark,
      stateBytes: bytes,
    };
  }

  /** Bytes of fixed-size template tables (shared across accounts). */
  get tableBytes(): number {
    return this.miner.bytes + this.templates.bytes;
  }
}
