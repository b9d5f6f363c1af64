// Reduces a prompt to the word tokens of its skeleton: where prompt templates keep their fixed
// wording (the opening and the closing of the user turn, and the system prompt), with digits
// masked so that slot values such as numbers do not split a template.
import { fmix32 } from "./hash.js";

const HEAD_CHARS = 360;
const TAIL_CHARS = 160;
const SYSTEM_CHARS = 240;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127 || c === 95;
}

/** Pushes hashes of lower-cased word tokens of s[start,end) into out (digits collapse to 0). */
export function pushWordHashes(s: string, start: number, end: number, out: number[]): void {
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (isWordChar(c)) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c >= 48 && c <= 57) c = 48;
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      out.push(fmix32(h));
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) out.push(fmix32(h));
}

/**
 * Word hashes of a request's skeleton: prompt head and tail. The system prompt joins only when
 * the prompt is short: common system prompts ("You are a helpful assistant.") are shared by
 * everyone and would otherwise make unrelated short requests look like one template.
 */
export function skeletonTokens(system: string, prompt: string): number[] {
  const out: number[] = [];
  if (system && prompt.length < 80) pushWordHashes(system, 0, Math.min(system.length, SYSTEM_CHARS), out);
  const headEnd = Math.min(prompt.length, HEAD_CHARS);
  pushWordHashes(prompt, 0, headEnd, out);
  const tailStart = Math.max(headEnd, prompt.length - TAIL_CHARS);
  if (tailStart < prompt.length) pushWordHashes(prompt, tailStart, prompt.length, out);
  return out;
}
