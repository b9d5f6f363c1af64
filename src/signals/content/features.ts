// Hashed n-gram features for one exchange (the "hashing trick", Weinberger et al. 2009,
// "Feature Hashing for Large Scale Multitask Learning"). One pass over char codes, hashing each
// token incrementally with FNV-1a, so no token strings are allocated. Only the head and tail of
// the prompt and the head of the system prompt are read: recipe wording sits at the start
// (instructions) or the end ("Let's think step by step", "#Rewritten Prompt#:"), and the cost
// must stay flat for 100 KB prompts.

/** log2 of the number of hash buckets. */
export const HASH_BITS = 18;
/** Number of hash buckets (rows of the weight matrix). */
export const BUCKETS = 1 << HASH_BITS;
const PROMPT_HEAD = 600;
const PROMPT_TAIL = 200;
const SYSTEM_HEAD = 300;
/**
 * Most features one exchange can produce: a char adds at most 2 (a word of L >= 1 chars adds
 * 2, or 3 when L > 6; a punctuation char adds 2), plus the shape feature. No bounds checks needed.
 */
export const MAX_FEATURES = 2 * (PROMPT_HEAD + PROMPT_TAIL + SYSTEM_HEAD) + 8;
const PREFIX_LEN = 5;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SALT_PROMPT = 0x1b873593;
const SALT_SYSTEM = 0x5bd1e995;
const SALT_BIGRAM = 0x27d4eb2f;
const SALT_PREFIX = 0x165667b1;
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
  if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) return PUNCT | c;
  return c;
}

/**
 * Appends unigram, bigram and 5-char-prefix buckets of text[start, end) to out from index n;
 * returns the new count. ASCII letters are lower-cased and every digit hashes as '0'. At most
 * 2 features per char plus 3 (out must have room: see MAX_FEATURES).
 */
function scanRegion(text: string, start: number, end: number, salt: number, out: Int32Array, n: number): number {
  let h = FNV_OFFSET;
  let len = 0;
  let prefix = 0;
  let prev = salt; // bigram with the region start marks "text begins with …"
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const code = c < 128 ? (ASCII_CODE[c] ?? 0) : codeOf(c);
    if (code > 0 && code < PUNCT) {
      h = Math.imul(h ^ code, FNV_PRIME);
      if (++len === PREFIX_LEN) prefix = h;
      continue;
    }
    if (len > 0) {
      out[n++] = bucketOf(h ^ salt);
      out[n++] = bucketOf((Math.imul(prev, SALT_BIGRAM) + h) ^ salt);
      if (len > PREFIX_LEN + 1) out[n++] = bucketOf(prefix ^ salt ^ SALT_PREFIX);
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
  if (len > 0) {
    out[n++] = bucketOf(h ^ salt);
    out[n++] = bucketOf((Math.imul(prev, SALT_BIGRAM) + h) ^ salt);
    if (len > PREFIX_LEN + 1) out[n++] = bucketOf(prefix ^ salt ^ SALT_PREFIX);
  }
  return n;
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
  const out = spans.feats;
  let n = 0;
  const len = prompt.length;
  if (len <= PROMPT_HEAD + PROMPT_TAIL) {
    n = scanRegion(prompt, 0, len, SALT_PROMPT, out, n);
  } else {
    n = scanRegion(prompt, 0, PROMPT_HEAD, SALT_PROMPT, out, n);
    n = scanRegion(prompt, len - PROMPT_TAIL, len, SALT_PROMPT, out, n);
  }
  spans.nPrompt = n;
  if (system.length > 0) n = scanRegion(system, 0, Math.min(system.length, SYSTEM_HEAD), SALT_SYSTEM, out, n);
  spans.nSystemEnd = n;
  // Coarse shape: log2 of the prompt length.
  out[n++] = bucketOf(SALT_META ^ (31 - Math.clz32(len + 1)));
  spans.n = n;
}
