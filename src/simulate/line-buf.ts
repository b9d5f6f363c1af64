// The bytes a record is rendered into: straight into the batch being filled (no per-line copy),
// spilling the record into a side buffer when the batch runs out of room. Pre-encoded snippets
// are copied, numbers are written digit by digit, and the exchange id's counter digits are left
// as ID_MARK bytes whose offsets (from the record's start) are recorded for the merger.
import { ID_DIGITS, ID_MARK } from "./batch.js";
import type { Snip } from "./text.js";

// up to this many bytes a JS loop beats TypedArray#set's call overhead (measured ~20 ns)
const SHORT = 8;

/** Bytes of the records being rendered. */
export class LineBuf {
  buf: Buffer = Buffer.allocUnsafe(1 << 16);
  off = 0;
  /** Where the current record starts in `buf`. */
  start = 0;
  /** True once the current record was moved out of the batch into the side buffer. */
  spilled = false;
  /** Offsets (from `start`) of id counter digits written since `begin`. */
  marks = new Int32Array(16);
  markCount = 0;
  /** The id's fixed prefix (`req_<salt>`), and the prefixes of a line and of a tool call id. */
  private readonly idPrefix: Uint8Array;
  private readonly callPrefix: Uint8Array;
  private readonly lineHead: Uint8Array;
  private side: Buffer = Buffer.allocUnsafe(1 << 16);

  constructor(idPrefix: string) {
    this.idPrefix = Buffer.from(idPrefix);
    this.callPrefix = Buffer.from(`call_${idPrefix.slice(-(10 - ID_DIGITS))}`);
    this.lineHead = Buffer.from(`{"id":"${idPrefix}`);
  }

  /** Renders into `buf` from `off` on (a batch's data). */
  target(buf: Buffer, off: number): void {
    this.buf = buf;
    this.off = off;
    this.spilled = false;
  }

  /** Starts a record at the current offset. */
  begin(): void {
    this.start = this.off;
    this.markCount = 0;
  }

  /** The current record's bytes so far. */
  record(): Buffer {
    return this.buf.subarray(this.start, this.off);
  }

  /** Moves the current record to the side buffer, with room for `n` more bytes. */
  spill(n = 0): void {
    const len = this.off - this.start;
    if (this.side.length < len + n) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.side.length, len + n));
      if (this.spilled) this.side.copy(grown, 0, 0, len);
      this.side = grown;
    }
    if (!this.spilled) this.buf.copy(this.side, 0, this.start, this.off);
    this.buf = this.side;
    this.start = 0;
    this.off = len;
    this.spilled = true;
  }

  /** Copies bytes. */
  raw(b: Uint8Array): void {
    const len = b.length;
    if (this.off + len > this.buf.length) this.spill(len);
    if (len > SHORT) {
      this.buf.set(b, this.off);
      this.off += len;
      return;
    }
    const buf = this.buf;
    let off = this.off;
    for (let i = 0; i < len; i++) buf[off++] = b[i] as number;
    this.off = off;
  }

  /** Appends a non-negative integer zero-padded to `width` digits. */
  fixed(n: number, width: number): void {
    if (this.off + width > this.buf.length) this.spill(width);
    const buf = this.buf;
    let at = this.off + width;
    this.off = at;
    for (let k = 0; k < width; k++) {
      const q = (n / 10) | 0;
      buf[--at] = 48 + n - q * 10;
      n = q;
    }
  }

  /** Appends a string as UTF-8 (for values that vary: ids, names; constants are pre-encoded). */
  text(s: string): void {
    const len = s.length;
    if (this.off + len * 3 > this.buf.length) this.spill(len * 3);
    this.off += this.buf.write(s, this.off);
  }

  /** Appends one ASCII byte. */
  byte(c: number): void {
    if (this.off >= this.buf.length) this.spill(1);
    this.buf[this.off++] = c;
  }

  /** Appends a non-negative integer in decimal (what `${n}` prints). */
  int(n: number): void {
    if (!(n >= 0 && n < 1e9 && Number.isInteger(n))) {
      if (n >= 1e9 && Number.isSafeInteger(n)) {
        // epoch milliseconds (truth rows): high part, then the low nine digits zero-padded
        const hi = Math.floor(n / 1e9);
        this.int(hi);
        this.fixed(n - hi * 1e9, 9);
      } else this.text(String(n));
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
    if (this.off + digits > this.buf.length) this.spill(digits);
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

  /** Appends an escaped snippet: its bytes, or its parts'. */
  snip(s: Snip): void {
    const b = s.b;
    if (b !== null) this.raw(b);
    else if (s.parts !== null) for (const p of s.parts) this.snip(p);
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
    if (this.off + ID_DIGITS > this.buf.length) this.spill(ID_DIGITS);
    if (this.markCount === this.marks.length) {
      const grown = new Int32Array(2 * this.marks.length);
      grown.set(this.marks);
      this.marks = grown;
    }
    this.marks[this.markCount++] = this.off - this.start;
    const buf = this.buf;
    for (let k = 0; k < ID_DIGITS; k++) buf[this.off++] = ID_MARK;
  }
}
