// summary.json: counts, thresholds and how long each stage took (contract §2).
import { writeFileSync } from "node:fs";
import type { DetectorStats } from "../engine/index.js";
import type { Campaign } from "../scoring/index.js";

/** The run's summary as written to summary.json. */
export interface AnalyzeSummary {
  version: 1;
  files: string[];
  formats: string[];
  events: {
    lines: number;
    exchanges: number;
    valid: number;
    duplicates: number;
    rejected: number;
    late: number;
    /** Why the input was read through a copy sorted by event time (absent when it was in order). */
    sorted?: string;
  };
  accounts: { total: number; attack: number; review: number; benign: number };
  campaigns: {
    total: number;
    top: { campaign: string; accounts: number; score: number; requests: number; targets: string[] }[];
  };
  thresholds: { attack: number; review: number };
  stages_ms: { prepare_wait: number; engine: number; store: number; output: number; total: number };
  /** `cpu_ms`: CPU time of the whole process (every thread) so far. */
  throughput: { exchanges_per_second: number; threads: number; cpu_ms: number };
  state: {
    per_account_bytes: number;
    template_table_bytes: number;
    reclusters: number;
    cluster_ms: number;
    max_rss_mb: number;
  };
  first_event: string | null;
  last_event: string | null;
}

/** Builds the summary from the run's counters. */
export function buildSummary(x: {
  opts: { files: string[]; config: { thresholds: { attack: number; review: number } } };
  counts: { lines: number; valid: number; duplicates: number; rejected: number; exchanges: number };
  late: number;
  sorted?: string;
  formats: string[];
  verdicts: { attack: number; review: number; benign: number };
  campaigns: Campaign[];
  stats: DetectorStats;
  tableBytes: number;
  timings: { prepareWait: number; engine: number; store: number; output: number };
  started: number;
  threads: number;
  firstEvent: number | null;
}): AnalyzeSummary {
  const total = Date.now() - x.started;
  const c = x.counts;
  return {
    version: 1,
    files: x.opts.files,
    formats: x.formats,
    events: {
      lines: c.lines,
      exchanges: c.exchanges,
      valid: c.valid,
      duplicates: c.duplicates,
      rejected: c.rejected,
      late: x.late,
      ...(x.sorted ? { sorted: x.sorted } : {}),
    },
    accounts: { total: x.stats.accounts, ...x.verdicts },
    campaigns: {
      total: x.campaigns.length,
      top: x.campaigns.slice(0, 10).map((k) => ({
        campaign: k.campaign,
        accounts: k.accounts.length,
        score: k.score,
        requests: k.requests,
        targets: k.targets,
      })),
    },
    thresholds: { attack: x.opts.config.thresholds.attack, review: x.opts.config.thresholds.review },
    stages_ms: {
      prepare_wait: Math.round(x.timings.prepareWait),
      engine: Math.round(x.timings.engine),
      store: Math.round(x.timings.store),
      output: Math.round(x.timings.output),
      total,
    },
    throughput: {
      exchanges_per_second: total > 0 ? Math.round((c.valid / total) * 1000) : 0,
      threads: x.threads,
      cpu_ms: cpuMs(),
    },
    state: {
      per_account_bytes: x.stats.accounts ? Math.round(x.stats.stateBytes / x.stats.accounts) : 0,
      template_table_bytes: x.tableBytes,
      reclusters: x.stats.reclusters,
      cluster_ms: x.stats.clusterMs ?? 0,
      max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    },
    first_event: x.firstEvent === null ? null : new Date(x.firstEvent).toISOString(),
    last_event: x.stats.watermark ? new Date(x.stats.watermark).toISOString() : null,
  };
}

/** Writes summary.json. */
export function writeSummary(path: string, s: AnalyzeSummary): void {
  writeFileSync(path, JSON.stringify(s, null, 2) + "\n");
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
}
