// IP and CIDR matching on node's built-in BlockList (it handles IPv6 and IPv4-mapped IPv6), so
// we do not carry our own bit arithmetic.
import { BlockList, isIP } from "node:net";

/** Parses `1.2.3.4`, `10.0.0.0/8`, `2001:db8::/32`; null when it is neither an address nor a CIDR. */
export function parseCidr(
  value: string,
): { address: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [address = "", bits, ...rest] = value.trim().split("/");
  if (rest.length > 0) return null;
  const version = isIP(address);
  if (version === 0) return null;
  const family = version === 4 ? "ipv4" : "ipv6";
  const max = version === 4 ? 32 : 128;
  if (bits === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(bits)) return null;
  const prefix = Number(bits);
  return prefix <= max ? { address, prefix, family } : null;
}

/** A set of IP ranges; `add` returns false for a value that is not an address or CIDR. */
export class CidrSet {
  private readonly blocks = new BlockList();
  private size = 0;

  /** Adds an address or CIDR. */
  add(value: string): boolean {
    const c = parseCidr(value);
    if (!c) return false;
    this.blocks.addSubnet(c.address, c.prefix, c.family);
    this.size += 1;
    return true;
  }

  /** True when `ip` (v4, v6 or v4-mapped v6) falls in any range. */
  has(ip: string): boolean {
    if (this.size === 0) return false;
    const version = isIP(ip);
    if (version === 0) return false;
    return this.blocks.check(ip, version === 4 ? "ipv4" : "ipv6");
  }
}
