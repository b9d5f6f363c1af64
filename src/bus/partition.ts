// Which partition an account belongs to. The hash must never change between releases: a
// different hash would move accounts to workers that hold none of their state.
import { hashString } from "../signals/template/hash.js";

/** Partition of `account` among `partitions` (stable 32-bit string hash mod n). */
export function partitionOf(account: string, partitions: number): number {
  return (hashString(account) >>> 0) % partitions;
}

/** Partitions worker `index` of `count` owns: p with p % count == index. */
export function partitionsFor(index: number, count: number, partitions: number): number[] {
  if (!(count > 0 && index >= 0 && index < count))
    throw new Error(`worker index ${index} out of range 0..${count - 1}`);
  const out: number[] = [];
  for (let p = index; p < partitions; p += count) out.push(p);
  return out;
}
