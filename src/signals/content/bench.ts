// Throughput of ContentModel.score() over real corpus prompts (single thread).
import { readCorpus } from './corpus.js';
import { loadContentModel } from './load.js';

/** Scores corpus prompts for ~durationMs and returns exchanges scored per second on one core. */
export function benchContent(durationMs = 1000): { perSecond: number; meanPromptChars: number } {
  const model = loadContentModel();
  const prompts = readCorpus().filter((_, i) => i % 7 === 0);
  const meanPromptChars = prompts.reduce((a, p) => a + p.text.length, 0) / Math.max(1, prompts.length);
  for (let i = 0; i < Math.min(prompts.length, 2000); i++) model.score(prompts[i]?.system ?? '', prompts[i]?.text ?? ''); // warm-up
  let count = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  while (now - start < durationMs) {
    for (let i = 0; i < 500; i++) {
      const p = prompts[(count + i) % prompts.length];
      sink += model.score(p?.system ?? '', p?.text ?? '').distill;
    }
    count += 500;
    now = performance.now();
  }
  if (Number.isNaN(sink)) throw new Error('content bench: NaN score');
  return { perSecond: count / ((now - start) / 1000), meanPromptChars };
}
