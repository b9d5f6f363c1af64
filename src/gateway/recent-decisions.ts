// A ring of the latest non-allow decisions, so an operator can see at once what the gateway is
// refusing without querying the audit store.

/** One enforced decision. */
export interface RecentDecision {
  ref: string;
  at: number;
  account: string;
  action: string;
  rule: string;
  endpoint: string;
}

/** Fixed-size ring buffer, newest first on read. */
export class RecentDecisions {
  private readonly items: (RecentDecision | undefined)[];
  private next = 0;

  constructor(private readonly capacity = 1000) {
    this.items = new Array<RecentDecision | undefined>(capacity);
  }

  /** Adds a decision, overwriting the oldest when full. */
  push(d: RecentDecision): void {
    this.items[this.next] = d;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The decisions held, newest first. */
  list(): RecentDecision[] {
    const out: RecentDecision[] = [];
    for (let i = 1; i <= this.capacity; i++) {
      const d = this.items[(this.next - i + this.capacity) % this.capacity];
      if (d) out.push(d);
    }
    return out;
  }
}
