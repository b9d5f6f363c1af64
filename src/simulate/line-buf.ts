// A growable byte buffer a line is rendered into piece by piece: pre-encoded snippets are
// copied, short ASCII glue is stored char by char (cheaper than a native call per piece), and
// the exchange id's counter digits are left as ID_MARK bytes whose offsets are recorded.
import { ID_DIGITS, ID_MARK } from "./batch.js";
import type { Snip } from "./text.js";

// below this length a JS loop beats Buffer#write's native-call overhead (measured ~150 ns)
const SHORT = 64;

/** Bytes of the line being rendered. */
export class LineBuf {
  buf: Buffer = Buffer.allocUnsafe(1 << 16);
  off = 0;
  /** Offsets of id counter digits written since `reset`. */
  readonly marks: number[] = [];
  /** The id's fixed prefix (`req_<salt>`) and its last four characters (call ids reuse them). */
  readonly idPrefix: Uint8Array;
  readonly callPrefix: Uint8Array;
  private readonly lineHead: Uint8Array;

  constructor(idPrefix: string) {
    this.idPrefix = Buffer.from(idPrefix);
    this.callPrefix = Buffer.from(`call_${idPrefix.slice(-(10 - ID_DIGITS))}`);
    this.lineHead = Buffer.from(`{"id":"${idPrefix}`);
  }

  reset(): void {
    this.off = 0;
    this.marks.length = 0;
  }

  private room(n: number): void {
    if (this.off + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.off + n));
    this.buf.copy(next, 0, 0, this.off);
    this.buf = next;
  }

  /** Copies bytes. */
  raw(b: Uint8Array): void {
    const len = b.length;
    this.room(len);
    if (len > 24) {
      this.buf.set(b, this.off);
      this.off += len;
      return;
    }
    // TypedArray#set costs more than a short loop for the many small constant pieces
    const buf = this.buf;
    let off = this.off;
    for (let i = 0; i < len; i++) buf[off++] = b[i] ?? 0;
    this.off = off;
  }

  /** Appends a non-negative integer zero-padded to `width` digits. */
  fixed(n: number, width: number): void {
    this.room(width);
    const buf = this.buf;
    let at = this.off + width;
    this.off = at;
    for (let k = 0; k < width; k++) {
      const q = (n / 10) | 0;
      buf[--at] = 48 + n - q * 10;
      n = q;
    }
  }

  /** Appends a string as UTF-8. */
  text(s: string): void {
    const len = s.length;
    if (len > SHORT) {
      this.room(len * 3);
      this.off += this.buf.write(s, this.off);
      return;
    }
    this.room(len * 3);
    const buf = this.buf;
    let off = this.off;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        this.off = off;
        this.off += buf.write(s.slice(i), off);
        return;
      }
      buf[off++] = c;
    }
    this.off = off;
  }

  /** Appends one ASCII byte. */
  byte(c: number): void {
    this.room(1);
    this.buf[this.off++] = c;
  }

  /** Appends a non-negative integer in decimal (what `${n}` prints). */
  int(n: number): void {
    if (!(n >= 0 && n < 1e9 && Number.isInteger(n))) {
      this.text(String(n));
      return;
    }
    // small-int arithmetic (| 0) and a digit count by comparison: ~2× faster than float division
    const digits =
      n < 10
        ? 1
        : n < 100
          ? 2
          : n < 1000
            ? 3
            : n < 10000
              ? 4
              : n < 100000
                ? 5
                : n < 1e6
                  ? 6
                  : n < 1e7
                    ? 7
                    : n < 1e8
                      ? 8
                      : 9;
    this.room(digits);
    const buf = this.buf;
    let at = this.off + digits;
    this.off = at;
    while (n >= 10) {
      const q = (n / 10) | 0;
      buf[--at] = 48 + n - q * 10;
      n = q;
    }
    buf[--at] = 48 + n;
  }

  /** Appends an escaped snippet from its bytes or parts. */
  snip(s: Snip): void {
    if (s.b) this.raw(s.b);
    else if (s.parts) for (const p of s.parts) this.snip(p);
    else this.text(s.e);
  }

  /** Appends the exchange id, digits left as marks. */
  id(): void {
    this.raw(this.idPrefix);
    this.digits();
  }

  /** Starts a line: `{"id":"` and the id. */
  lineStart(): void {
    this.raw(this.lineHead);
    this.digits();
  }

  /** Appends a tool call id (`call_` + the id's last ten characters). */
  callId(): void {
    this.raw(this.callPrefix);
    this.digits();
  }

  private digits(): void {
    this.room(ID_DIGITS);
    this.marks.push(this.off);
    for (let k = 0; k < ID_DIGITS; k++) this.buf[this.off++] = ID_MARK;
  }
}
