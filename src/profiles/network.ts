// Network indicators: an IPv4 address is grouped by its /24 and an IPv6 address by its /48,
// the blocks a proxy pool or a NAT typically allocates from.
import { isIPv4, isIPv6 } from "node:net";

/** The /24 (IPv4) or /48 (IPv6) block of `ip`, or undefined when it is not an IP address. */
export function ipPrefix(ip: string): string | undefined {
  if (isIPv4(ip)) return ip.slice(0, ip.lastIndexOf(".")) + ".0/24";
  if (!isIPv6(ip)) return undefined;
  const [head = ""] = ip.split("::");
  const groups = head.split(":").filter((g) => g.length > 0);
  const full = ip.includes("::") ? [...groups, "0", "0", "0"].slice(0, 3) : ip.split(":").slice(0, 3);
  return full.map((g) => g.toLowerCase().replace(/^0+(?=.)/, "")).join(":") + "::/48";
}

/** The product family of a user agent ("openai-python/1.54.0" → "openai-python"). */
export function userAgentFamily(ua: string): string {
  const m = /^([A-Za-z][\w.-]*)/.exec(ua);
  return (m?.[1] ?? "other").toLowerCase();
}
