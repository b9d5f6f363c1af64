// Throughput of ContentModel.score() over real corpus prompts (single thread), at corpus length
// and at the 1–2 KB length of real traffic (corpus prompts joined to ~1.5 KB). Reports wall and
// CPU time per call: the bench machine is shared, and CPU time is less disturbed by neighbours.
import { readCorpus } from "./corpus.js";
import { loadContentModel } from "./load.js";
import type { ContentModel } from "./model.js";

/** Timing of one prompt set. */
export interface ContentBenchRun {
  perSecond: number;
  meanPromptChars: number;
  /** Wall-clock microseconds per score() call. */
  wallUs: number;
  /** Process CPU (user + system) microseconds per score() call. */
  cpuUs: number;
}

/** Result of benchContent: corpus-length prompts (top-level fields) and ~1.5 KB prompts. */
export interface ContentBenchResult extends ContentBenchRun {
  long: ContentBenchRun;
}

interface BenchPrompt {
  system: string;
  text: string;
}

const LONG_CHARS = 1500;

/** Joins consecutive corpus prompts until each is ~LONG_CHARS long (real traffic carries context). */
function lengthen(prompts: BenchPrompt[]): BenchPrompt[] {
  return prompts.map((p, i) => {
    let text = p.text;
    for (let j = i + 1; text.length < LONG_CHARS && prompts.length > 1; j++)
      text += `\n\n${prompts[j % prompts.length]?.text ?? ""}`;
    return { system: p.system, text: text.slice(0, LONG_CHARS) };
  });
}

/**
 * Copies a prompt into flat sequential strings, as JSON.parse hands them to analyze: a sliced
 * or concatenated (rope) string makes every charCodeAt unwrap it, about twice as slow.
 */
function asParsed(p: BenchPrompt): BenchPrompt {
  return JSON.parse(JSON.stringify(p)) as BenchPrompt;
}

function timeRun(model: ContentModel, prompts: BenchPrompt[], durationMs: number): ContentBenchRun {
  const meanPromptChars = prompts.reduce((a, p) => a + p.text.length, 0) / Math.max(1, prompts.length);
  for (let i = 0; i < Math.min(prompts.length, 2000); i++)
    model.score(prompts[i]?.system ?? "", prompts[i]?.text ?? ""); // warm-up
  let count = 0;
  let sink = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < durationMs) {
    for (let i = 0; i < 500; i++) {
      const p = prompts[(count + i) % prompts.length];
      sink += model.score(p?.system ?? "", p?.text ?? "").distill;
    }
    count += 500;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  if (Number.isNaN(sink)) throw new Error("content bench: NaN score");
  const wallUs = ((now - start) * 1000) / count;
  return { perSecond: 1e6 / wallUs, meanPromptChars, wallUs, cpuUs: (cpu.user + cpu.system) / count };
}

/** Scores corpus prompts, then ~1.5 KB prompts, for ~durationMs each on one thread. */
export function benchContent(durationMs = 1000): ContentBenchResult {
  const model = loadContentModel();
  const prompts: BenchPrompt[] = readCorpus()
    .filter((_, i) => i % 7 === 0)
    .map((p) => asParsed({ system: p.system ?? "", text: p.text }));
  const short = timeRun(model, prompts, durationMs);
  const long = timeRun(model, lengthen(prompts).map(asParsed), durationMs);
  return { ...short, long };
}
