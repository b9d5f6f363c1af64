// Who is asking: the account (from a trusted header, else a hash of the API key), the key id and
// the client IP. The API key secret is hashed at once and never kept.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** Where identity comes from; the defaults suit a gateway behind the provider's own auth layer. */
export interface IdentityOptions {
  /** Header carrying the account id, set by the provider's auth layer. */
  accountHeader: string;
  /** Header carrying the payment fingerprint (already hashed by the provider), when known. */
  paymentHeader: string;
  /** Header carrying the client's ASN, when an edge layer resolves it. */
  asnHeader: string;
  /** Trust `x-forwarded-for` (only behind a proxy that sets it). */
  trustForwardedFor: boolean;
}

export const defaultIdentityOptions: IdentityOptions = {
  accountHeader: "x-distillwatch-account",
  paymentHeader: "x-distillwatch-payment",
  asnHeader: "x-distillwatch-asn",
  trustForwardedFor: false,
};

/** The request's identity as the policy and the detector see it. */
export interface Identity {
  account: string;
  key?: string;
  ip?: string;
  asn?: number;
  payment?: string;
}

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The API key secret from `authorization: Bearer …` or `x-api-key`. */
export function apiKeySecret(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization;
  if (auth !== undefined && auth.length > 7 && auth.slice(0, 7).toLowerCase() === "bearer ")
    return auth.slice(7).trim();
  return one(headers["x-api-key"]);
}

// Hashing costs ~1 µs, but clients reuse a handful of keys, so a bounded cache saves it anyway.
const keyIds = new Map<string, string>();

/** A stable, non-reversible id for an API key secret. */
export function keyIdOf(secret: string): string {
  let id = keyIds.get(secret);
  if (id === undefined) {
    id = `key_${createHash("sha256").update(secret).digest("hex").slice(0, 24)}`;
    if (keyIds.size >= 10_000) keyIds.clear();
    keyIds.set(secret, id);
  }
  return id;
}

/** Strips the IPv4-mapped prefix node reports on dual-stack sockets, so lists see `1.2.3.4`. */
function plainIp(ip: string | undefined): string | undefined {
  return ip?.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
}

/** Reads the identity of a request. */
export function identify(req: IncomingMessage, opts: IdentityOptions): Identity {
  const h = req.headers;
  const secret = apiKeySecret(h);
  const key = secret ? keyIdOf(secret) : undefined;
  const account = one(h[opts.accountHeader]) ?? key ?? "anonymous";
  const forwarded = opts.trustForwardedFor ? one(h["x-forwarded-for"])?.split(",")[0]?.trim() : undefined;
  const ip = plainIp(forwarded || req.socket.remoteAddress);
  const asnRaw = one(h[opts.asnHeader]);
  const asn =
    asnRaw !== undefined && /^(AS)?\d+$/i.test(asnRaw) ? Number(asnRaw.replace(/^AS/i, "")) : undefined;
  const payment = one(h[opts.paymentHeader]);
  const id: Identity = { account };
  if (key !== undefined) id.key = key;
  if (ip !== undefined) id.ip = ip;
  if (asn !== undefined) id.asn = asn;
  if (payment !== undefined) id.payment = payment;
  return id;
}
