// Client addresses. Proxy pools for campaigns are built from the same residential/mobile ISP
// table benign users come from, spread over many /24s and ASNs (commercial residential proxy
// networks rent real households' addresses), so an ASN or country alone never marks an attack.
import type { Rng } from "./rng.js";

/** One client address with the facts the contract carries about it (pre-escaped JSON fields). */
export interface Endpoint {
  readonly json: string;
}

type Kind = "residential" | "mobile" | "datacenter" | "university";
interface Isp {
  readonly asn: number;
  readonly country: string;
  readonly kind: Kind;
  readonly v4: number; // first octet of a block the ISP announces
  readonly v6: string; // a /32 the ISP announces
  readonly weight: number;
}

// ASNs are real operators; the address blocks are plausible, not authoritative
const isps: readonly Isp[] = [
  { asn: 7922, country: "US", kind: "residential", v4: 73, v6: "2601:", weight: 14 },
  { asn: 701, country: "US", kind: "residential", v4: 71, v6: "2600:", weight: 6 },
  { asn: 7018, country: "US", kind: "residential", v4: 99, v6: "2602:", weight: 6 },
  { asn: 21928, country: "US", kind: "mobile", v4: 172, v6: "2607:fb90", weight: 5 },
  { asn: 3320, country: "DE", kind: "residential", v4: 91, v6: "2003:", weight: 4 },
  { asn: 2856, country: "GB", kind: "residential", v4: 86, v6: "2a00:23c", weight: 4 },
  { asn: 3215, country: "FR", kind: "residential", v4: 90, v6: "2a01:cb0", weight: 3 },
  { asn: 4134, country: "CN", kind: "residential", v4: 115, v6: "240e:", weight: 3 },
  { asn: 4837, country: "CN", kind: "residential", v4: 123, v6: "2408:", weight: 2 },
  { asn: 55836, country: "IN", kind: "mobile", v4: 49, v6: "2409:40", weight: 5 },
  { asn: 9829, country: "IN", kind: "residential", v4: 117, v6: "2001:4490", weight: 2 },
  { asn: 28573, country: "BR", kind: "residential", v4: 177, v6: "2804:14", weight: 3 },
  { asn: 2516, country: "JP", kind: "residential", v4: 106, v6: "2400:40", weight: 3 },
  { asn: 4766, country: "KR", kind: "residential", v4: 121, v6: "2001:2d8", weight: 2 },
  { asn: 17676, country: "JP", kind: "mobile", v4: 126, v6: "2400:2410", weight: 2 },
  { asn: 7545, country: "AU", kind: "residential", v4: 101, v6: "2403:5800", weight: 2 },
  { asn: 812, country: "CA", kind: "residential", v4: 174, v6: "2607:fea8", weight: 3 },
  { asn: 9121, country: "TR", kind: "residential", v4: 78, v6: "2a02:ff0", weight: 1 },
  { asn: 45899, country: "VN", kind: "residential", v4: 113, v6: "2405:4800", weight: 1 },
  { asn: 4657, country: "SG", kind: "residential", v4: 116, v6: "2406:3000", weight: 1 },
  { asn: 12389, country: "RU", kind: "residential", v4: 95, v6: "2a02:2698", weight: 1 },
  { asn: 16509, country: "US", kind: "datacenter", v4: 54, v6: "2600:1f18", weight: 6 },
  { asn: 15169, country: "US", kind: "datacenter", v4: 34, v6: "2600:1900", weight: 3 },
  { asn: 8075, country: "US", kind: "datacenter", v4: 20, v6: "2603:1030", weight: 3 },
  { asn: 24940, country: "DE", kind: "datacenter", v4: 88, v6: "2a01:4f8", weight: 2 },
  { asn: 16276, country: "FR", kind: "datacenter", v4: 51, v6: "2001:41d0", weight: 2 },
  { asn: 14061, country: "US", kind: "datacenter", v4: 167, v6: "2604:a880", weight: 2 },
  { asn: 45102, country: "SG", kind: "datacenter", v4: 47, v6: "2408:4000", weight: 1 },
  { asn: 132203, country: "HK", kind: "datacenter", v4: 43, v6: "2402:4e00", weight: 1 },
];
const universities: readonly Isp[] = [
  { asn: 3, country: "US", kind: "university", v4: 18, v6: "2603:4000", weight: 1 },
  { asn: 25, country: "US", kind: "university", v4: 128, v6: "2607:f140", weight: 1 },
  { asn: 786, country: "GB", kind: "university", v4: 131, v6: "2001:630", weight: 1 },
  { asn: 680, country: "DE", kind: "university", v4: 141, v6: "2001:638", weight: 1 },
  { asn: 4538, country: "CN", kind: "university", v4: 166, v6: "2001:da8", weight: 1 },
  { asn: 2907, country: "JP", kind: "university", v4: 133, v6: "2001:2f8", weight: 1 },
  { asn: 7575, country: "AU", kind: "university", v4: 130, v6: "2001:388", weight: 1 },
];

const consumer = isps.filter((i) => i.kind !== "datacenter");
const datacenter = isps.filter((i) => i.kind === "datacenter");
const cw = consumer.map((i) => i.weight);
const dw = datacenter.map((i) => i.weight);

function pickIsp(r: Rng, pool: readonly Isp[], w: readonly number[]): Isp {
  return pool[r.weighted(w)] ?? r.pick(pool);
}

function endpoint(ip: string, isp: Isp): Endpoint {
  return { json: `"ip":"${ip}","asn":${isp.asn},"country":"${isp.country}"` };
}

/** One address inside an ISP: random /24 in its block, or a random /64 for IPv6. */
function addressIn(r: Rng, isp: Isp, v6: boolean): string {
  if (v6) {
    const head = isp.v6.endsWith(":") ? isp.v6 : `${isp.v6}:`;
    const groups = 8 - head.split(":").filter((g) => g !== "").length;
    const tail: string[] = [];
    for (let i = 0; i < groups; i++) tail.push(r.int(65536).toString(16));
    return head + tail.join(":");
  }
  return `${isp.v4}.${r.int(256)}.${r.int(256)}.${1 + r.int(254)}`;
}

/** A household or phone address: the consumer ISP mix (IPv6 ~30%, as on real broadband/mobile). */
export function consumerEndpoint(r: Rng): Endpoint {
  const isp = pickIsp(r, consumer, cw);
  return endpoint(addressIn(r, isp, r.chance(isp.kind === "mobile" ? 0.5 : 0.25)), isp);
}

/** A cloud VM address (servers, CI runners, agent backends). */
export function cloudEndpoint(r: Rng): Endpoint {
  const isp = pickIsp(r, datacenter, dw);
  return endpoint(addressIn(r, isp, r.chance(0.15)), isp);
}

/** A small NAT block (a /28) where every address shares one egress ASN — offices, VPCs. */
export function natPool(r: Rng, size: number, onCloud: boolean): Endpoint[] {
  const isp = onCloud ? pickIsp(r, datacenter, dw) : pickIsp(r, consumer, cw);
  const base = `${isp.v4}.${r.int(256)}.${r.int(256)}.`;
  const start = 16 * r.int(15);
  const out: Endpoint[] = [];
  for (let i = 0; i < size; i++) out.push(endpoint(`${base}${start + 1 + (i % 14)}`, isp));
  return out;
}

/** A campus block: a /16 of an academic network plus its IPv6 prefix. */
export function campusPool(r: Rng, size: number): Endpoint[] {
  const isp = r.pick(universities);
  const b = r.int(256);
  const out: Endpoint[] = [];
  for (let i = 0; i < size; i++) {
    out.push(
      r.chance(0.35)
        ? endpoint(addressIn(r, isp, true), isp)
        : endpoint(`${isp.v4}.${b}.${r.int(256)}.${1 + r.int(254)}`, isp),
    );
  }
  return out;
}

/** A rented proxy pool: residential/mobile exits over many /24s and ASNs, some datacenter. */
export function proxyPool(r: Rng, size: number, datacenterShare: number): Endpoint[] {
  const out: Endpoint[] = [];
  for (let i = 0; i < size; i++) out.push(r.chance(datacenterShare) ? cloudEndpoint(r) : consumerEndpoint(r));
  return out;
}

/** A campus-assigned e-mail domain for university personas. */
export function campusDomain(r: Rng): string {
  return `${r.pick(["uni", "state", "tech", "poly", "college", "inst"])}${r.int(90)}.${r.choose([
    ["edu", 5],
    ["ac.uk", 2],
    ["edu.cn", 2],
    ["ac.jp", 1],
    ["de", 1],
  ] as const)}`;
}
