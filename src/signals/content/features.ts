// Hashed n-gram features for one exchange (the "hashing trick", Weinberger et al. 2009,
// "Feature Hashing for Large Scale Multitask Learning"). One pass over char codes, hashing each
// token incrementally with FNV-1a, so no token strings are allocated. Only the head and tail of
// the prompt and the head of the system prompt are read: recipe wording sits at the start
// (instructions) or the end ("Let's think step by step", "#Rewritten Prompt#:"), and the cost
// must stay flat for 100 KB prompts. Each region also stops after a fixed number of features:
// scoring cost is mostly per feature (one weight row each), and 1–2 KB prompts made ~400. Capping
// head/tail/system at 160/60/80 and dropping the 5-char prefix features halved that with no loss
// of cross-source AUC (most heads gained: long prompts no longer drown their opening wording).

/** log2 of the number of hash buckets. */
export const HASH_BITS = 18;
/** Number of hash buckets (rows of the weight matrix). */
export const BUCKETS = 1 << HASH_BITS;
const PROMPT_HEAD = 600;
const PROMPT_TAIL = 200;
const SYSTEM_HEAD = 300;
/** Feature caps of the prompt head, prompt tail and system head. */
const HEAD_FEATURES = 160;
const TAIL_FEATURES = 60;
const SYSTEM_FEATURES = 80;
/**
 * Most features one exchange can produce: a region checks its cap before each char, and one char
 * adds at most 4 (the word it ends, unigram + bigram, and itself as a punctuation token); plus
 * the shape feature. No bounds checks needed.
 */
export const MAX_FEATURES = HEAD_FEATURES + TAIL_FEATURES + SYSTEM_FEATURES + 3 * 4 + 1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SALT_PROMPT = 0x1b873593;
const SALT_SYSTEM = 0x5bd1e995;
const SALT_BIGRAM = 0x27d4eb2f;
const SALT_META = 0x3c6ef372;

/** Final avalanche (murmur3 fmix32) so low-entropy FNV bits spread before taking the top bits. */
function bucketOf(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> (32 - HASH_BITS);
}

// One ASCII lookup per char: 0 = separator; a word char's hashed code (lower-cased, digits as
// '0'; never 0); PUNCT | c for a char that is a token on its own.
const PUNCT = 0x10000;
const ASCII_CODE = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  ASCII_CODE[c] = c <= 32 ? 0 : !word ? PUNCT | c : c >= 65 && c <= 90 ? c | 32 : c >= 48 && c <= 57 ? 48 : c;
}

/** Same encoding as ASCII_CODE for c >= 128. */
function codeOf(c: number): number {
  if (c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b)) return 0;
  if (c >= 0x2000 && c <= 0x206f) return PUNCT | c; // general punctuation: quotes, dashes, ellipsis
  // CJK, kana, hangul and full-width forms have no spaces between words: each char is a token.
  if (
    (c >= 0x3000 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef)
  )
    return PUNCT | c;
  return c;
}

/**
 * Appends unigram and bigram buckets of text[start, end) to spans.feats from spans.n, until
 * maxFeatures were added; returns the index where it stopped (end if the cap was not hit).
 * ASCII letters are lower-cased and every digit hashes as '0'.
 */
function scanRegion(
  text: string,
  start: number,
  end: number,
  salt: number,
  spans: FeatureSpans,
  maxFeatures: number,
): number {
  const out = spans.feats;
  let n = spans.n;
  const stop = n + maxFeatures;
  let h = FNV_OFFSET;
  let len = 0;
  let prev = salt; // bigram with the region start marks "text begins with …"
  let i = start;
  for (; i < end && n < stop; i++) {
    const c = text.charCodeAt(i);
    const code = c < 128 ? (ASCII_CODE[c] ?? 0) : codeOf(c);
    if (code > 0 && code < PUNCT) {
      h = Math.imul(h ^ code, FNV_PRIME);
      len++;
      continue;
    }
    if (len > 0) {
      out[n++] = bucketOf(h ^ salt);
      out[n++] = bucketOf((Math.imul(prev, SALT_BIGRAM) + h) ^ salt);
      prev = h;
      h = FNV_OFFSET;
      len = 0;
    }
    if (code !== 0) {
      const t = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      out[n++] = bucketOf(t ^ salt);
      out[n++] = bucketOf((Math.imul(prev, SALT_BIGRAM) + t) ^ salt);
      prev = t;
    }
  }
  if (len > 0 && n < stop) {
    out[n++] = bucketOf(h ^ salt);
    out[n++] = bucketOf((Math.imul(prev, SALT_BIGRAM) + h) ^ salt);
  }
  spans.n = n;
  return i;
}

/** Feature buckets of one exchange: prompt features in [0, nPrompt), system in [nPrompt, nSystemEnd), shape after. */
export interface FeatureSpans {
  feats: Int32Array;
  nPrompt: number;
  nSystemEnd: number;
  n: number;
}

/** A reusable feature buffer of MAX_FEATURES slots. */
export function createFeatureSpans(): FeatureSpans {
  return { feats: new Int32Array(MAX_FEATURES), nPrompt: 0, nSystemEnd: 0, n: 0 };
}

/**
 * Fills spans with the hashed feature buckets of one exchange. Features may repeat; each
 * occurrence counts once. Prompt and system parts are normalised separately (see model.ts), so
 * an unseen system prompt does not dilute what the prompt says.
 */
export function extractFeatures(system: string, prompt: string, spans: FeatureSpans): void {
  const len = prompt.length;
  spans.n = 0;
  // Head, then tail: the last PROMPT_TAIL chars, or what the head's cap left unread if later.
  const headEnd = scanRegion(
    prompt,
    0,
    len <= PROMPT_HEAD + PROMPT_TAIL ? len : PROMPT_HEAD,
    SALT_PROMPT,
    spans,
    HEAD_FEATURES,
  );
  if (headEnd < len)
    scanRegion(prompt, Math.max(headEnd, len - PROMPT_TAIL), len, SALT_PROMPT, spans, TAIL_FEATURES);
  spans.nPrompt = spans.n;
  if (system.length > 0)
    scanRegion(system, 0, Math.min(system.length, SYSTEM_HEAD), SALT_SYSTEM, spans, SYSTEM_FEATURES);
  spans.nSystemEnd = spans.n;
  // Coarse shape: log2 of the prompt length.
  spans.feats[spans.n++] = bucketOf(SALT_META ^ (31 - Math.clz32(len + 1)));
}
