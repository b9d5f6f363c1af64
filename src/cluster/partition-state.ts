// What a worker holds for one partition: the engine's per-account state (profile and scores)
// of the partition's accounts, the newest template-sharing counts it has seen, and the JSON
// snapshot of both that makes a restart lose nothing.
import type { ExchangeEnvelope } from "../bus/index.js";
// Engine internals: the per-account state and scoring the single-process engine uses, so a
// worker scores exactly like `analyze` (an export from engine/index.ts has been requested).
import { AccountState } from "../engine/index.js";
import type { ExchangeSignals } from "../signals/types.js";
import { restoreProfile, snapshotProfile, type Json } from "./profile-snapshot.js";

/** The newest sharing counts of one template (largest `uses` wins when merging). */
export interface TemplateTally {
  uses: number;
  accounts: number;
  harvest: number;
}

interface AccountSnapshot {
  profile: Json;
  firstSeq: number;
  firstFlaggedAt: number | null;
}

interface PartitionSnapshot {
  partition: number;
  accounts: AccountSnapshot[];
  /** [template, uses, accounts, harvest] */
  templates: [number, number, number, number][];
}

/** Per-partition account state of a worker. */
export class PartitionState {
  readonly accounts = new Map<string, AccountState>();
  /** Publisher sequence of each account's first exchange: the single engine's account order. */
  readonly firstSeq = new Map<string, number>();
  readonly templates = new Map<number, TemplateTally>();

  constructor(readonly partition: number) {}

  /** Folds one exchange into its account (the same update as Engine.ingest, with global template counts). */
  fold(e: ExchangeEnvelope): AccountState {
    const f = e.facts;
    let s = this.accounts.get(f.account);
    if (!s) {
      this.accounts.set(f.account, (s = new AccountState(f.account)));
      this.firstSeq.set(f.account, e.seq);
    }
    const signals: ExchangeSignals = {
      scores: e.content.scores,
      capability: e.content.capability,
      template: e.template ? e.template.toString(16) : "",
    };
    // As in Engine.ingest: only harvesting-looking templates count as shared campaign templates.
    s.profile.update(f, signals, e.use.harvest >= 0.4 ? e.use.accounts : 1, e.use.newForAccount);
    if (e.template && e.use.accounts >= 2) {
      const t = this.templates.get(e.template);
      if (!t || e.use.uses > t.uses)
        this.templates.set(e.template, {
          uses: e.use.uses,
          accounts: e.use.accounts,
          harvest: e.use.harvest,
        });
    }
    return s;
  }

  /** Exchanges folded so far (sum of profile counts). */
  get exchanges(): number {
    let n = 0;
    for (const s of this.accounts.values()) n += s.profile.n;
    return n;
  }

  /** The partition as JSON text. */
  toJson(): string {
    const snap: PartitionSnapshot = {
      partition: this.partition,
      accounts: [...this.accounts.values()].map((s) => ({
        profile: snapshotProfile(s.profile),
        firstSeq: this.firstSeq.get(s.profile.account) ?? 0,
        firstFlaggedAt: s.firstFlaggedAt,
      })),
      templates: [...this.templates].map(([t, v]) => [t, v.uses, v.accounts, v.harvest]),
    };
    return JSON.stringify(snap);
  }

  /** Rebuilds a partition from `toJson` output. */
  static fromJson(text: string): PartitionState {
    const snap = JSON.parse(text) as PartitionSnapshot;
    const st = new PartitionState(snap.partition);
    for (const a of snap.accounts) {
      const profile = restoreProfile(a.profile);
      const s = new AccountState(profile.account);
      // AccountState creates its own empty profile; the restored one replaces it.
      (s as { profile: typeof profile }).profile = profile;
      s.firstFlaggedAt = a.firstFlaggedAt;
      st.accounts.set(profile.account, s);
      st.firstSeq.set(profile.account, a.firstSeq);
    }
    for (const [t, uses, accounts, harvest] of snap.templates)
      st.templates.set(t, { uses, accounts, harvest });
    return st;
  }
}
