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

  constructor(idPrefix: string) {
    this.idPrefix = Buffer.from(idPrefix);
    this.callPrefix = Buffer.from(`call_${idPrefix.slice(-(10 - ID_DIGITS))}`);
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
    this.room(b.length);
    this.buf.set(b, this.off);
    this.off += b.length;
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
    if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER && Number.isInteger(n))) {
      this.text(String(n));
      return;
    }
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    this.room(digits);
    let at = this.off + digits;
    this.off = at;
    do {
      const q = Math.floor(n / 10);
      this.buf[--at] = 48 + n - q * 10;
      n = q;
    } while (n > 0);
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

  /** Appends a tool call id (`call_` + the id's last ten characters). */
  callId(): void {
    this.raw(this.callPrefix);
    this.digits();
  }

  private digits(): void {
    this.room(ID_DIGITS);
    this.marks.push(this.off);
    this.buf.fill(ID_MARK, this.off, this.off + ID_DIGITS);
    this.off += ID_DIGITS;
  }
}
