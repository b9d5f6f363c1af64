// Serializes an AccountProfile (counters, typed arrays and the Misra–Gries / KMV sketches
// inside it) to JSON and back, so a worker's state survives a restart and the coordinator can
// read every partition's profiles. It walks the object generically instead of listing fields,
// so a field added to the profile is carried without a change here; the round-trip test in
// profile-snapshot.test.ts catches a shape it cannot carry.
import { AccountProfile, EndUserSketch } from "../profiles/index.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// Typed arrays are tagged so they can be told apart from plain arrays on the way back.
const TYPED = "$typed";
const UNDEF = { $undef: 1 };

function toJson(v: unknown): Json {
  if (v === undefined) return UNDEF;
  if (v === null || typeof v !== "object") return v as Json;
  if (ArrayBuffer.isView(v)) return { [TYPED]: Array.from(v as unknown as ArrayLike<number>) };
  if (Array.isArray(v)) return v.map(toJson);
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) out[k] = toJson(x);
  return out;
}

function isUndef(j: Json): boolean {
  return typeof j === "object" && j !== null && !Array.isArray(j) && j.$undef === 1;
}

function fromJson(j: Json): unknown {
  if (isUndef(j)) return undefined;
  if (Array.isArray(j)) return j.map(fromJson);
  return j;
}

/** Copies snapshot fields into `target`, keeping its classes and typed arrays. */
function restoreInto(target: Record<string, unknown>, snap: Record<string, Json>): void {
  for (const [k, j] of Object.entries(snap)) {
    const cur = target[k];
    if (ArrayBuffer.isView(cur) && typeof j === "object" && j !== null && !Array.isArray(j)) {
      (cur as unknown as Float64Array).set(j[TYPED] as number[]);
    } else if (
      cur !== null &&
      typeof cur === "object" &&
      !Array.isArray(cur) &&
      typeof j === "object" &&
      j !== null &&
      !Array.isArray(j) &&
      !isUndef(j)
    ) {
      restoreInto(cur as Record<string, unknown>, j);
    } else {
      target[k] = fromJson(j);
    }
  }
}

/** A JSON-safe snapshot of a profile. */
export function snapshotProfile(p: AccountProfile): Json {
  return toJson(p);
}

/** Rebuilds a profile from `snapshotProfile` output. */
export function restoreProfile(snap: Json): AccountProfile {
  const s = snap as Record<string, Json>;
  const p = new AccountProfile(String(s.account));
  // The end-user sketch is created lazily by the profile, so it has no instance to restore into.
  if (s.endUsers && !isUndef(s.endUsers)) p.endUsers = new EndUserSketch();
  restoreInto(p as unknown as Record<string, unknown>, s);
  return p;
}

export type { Json };
