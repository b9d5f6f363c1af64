// `distillwatch eval`: scores an analysis folder against the ground truth (contract §3–4) and
// writes DIR/eval.json.
import { access, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { scoreAccounts, scorePersonas } from "./account-metrics.js";
import { campaignAri, campaignCatch, timeToDetect } from "./campaign-metrics.js";
import { harvestFromExchanges, harvestWithoutExchanges } from "./harvest.js";
import { readResult } from "./read-result.js";
import { readTruth } from "./read-truth.js";
import { readTruthExchanges } from "./read-truth-exchanges.js";
import type { EvalReport } from "./report.js";

/** Options of `runEvaluation`. */
export interface EvaluationOptions {
  truthFile: string;
  /** Analysis output folder holding accounts.jsonl (or accounts.jsonl.gz); eval.json is written here. */
  resultDir: string;
  /** Defaults to truth-exchanges.tsv(.gz) beside `truthFile`, when there is one. */
  truthExchangesFile?: string;
  /** Persona names to treat as hard negatives besides `hardNegativePersonas`. */
  hardNegativePersonas?: readonly string[];
}

/** The first of `files` that exists, or null. */
async function firstExisting(files: string[]): Promise<string | null> {
  for (const f of files) {
    try {
      await access(f);
      return f;
    } catch {
      // not there: try the next candidate
    }
  }
  return null;
}

/** Scores the analysis in `resultDir` against the truth, writes `resultDir/eval.json` and returns the report. */
export async function runEvaluation(opts: EvaluationOptions): Promise<EvalReport> {
  const resultFile =
    (await firstExisting([
      join(opts.resultDir, "accounts.jsonl"),
      join(opts.resultDir, "accounts.jsonl.gz"),
    ])) ?? join(opts.resultDir, "accounts.jsonl"); // missing: readResult reports it as unreadable
  const exchangesFile =
    opts.truthExchangesFile ??
    (await firstExisting(
      ["truth-exchanges.tsv", "truth-exchanges.tsv.gz"].map((f) => join(dirname(opts.truthFile), f)),
    ));

  const truth = await readTruth(opts.truthFile);
  const result = await readResult(resultFile);
  const harvest =
    exchangesFile === null
      ? harvestWithoutExchanges(truth, result)
      : await harvestFromExchanges(readTruthExchanges(exchangesFile), truth, result);
  const { caught, firstFlaggedMs } = campaignCatch(truth, result);
  let unknown = 0;
  for (const account of result.keys()) if (!truth.has(account)) unknown += 1;

  const report: EvalReport = {
    accounts: scoreAccounts(truth, result),
    ...scorePersonas(truth, result, opts.hardNegativePersonas),
    campaigns: {
      count: Object.keys(caught).length,
      ari: campaignAri(truth, result),
      caught,
      time_to_detect_ms: timeToDetect(firstFlaggedMs, harvest.firstExchangeMs),
      harvest_before_flag: harvest.byCampaign,
    },
    harvest_before_flag: harvest.overall,
    harvest_basis: harvest.basis,
    harvest: harvest.detail,
    inputs: {
      truth: opts.truthFile,
      result: resultFile,
      truth_exchanges: exchangesFile,
      truth_accounts: truth.size,
      result_accounts: result.size,
      unknown_accounts: unknown,
    },
  };
  await writeFile(join(opts.resultDir, "eval.json"), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
