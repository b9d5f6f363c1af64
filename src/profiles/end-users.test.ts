import { describe, expect, it } from "vitest";
import { EndUserSketch } from "./end-users.js";

/** A deterministic stream: 12 campaign end users at 10× the rate of each of 150 customers. */
function resellerTraffic(requests: number): { id: string; h: number }[] {
  const out: { id: string; h: number }[] = [];
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let i = 0; i < requests; i++) {
    if (next() < 0.45) out.push({ id: `campaign_${Math.floor(next() * 12)}`, h: 0.8 });
    else out.push({ id: `customer_${Math.floor(next() * 150)}`, h: 0.1 });
  }
  return out;
}

describe("EndUserSketch", () => {
  it("surfaces a dozen busy end users among 150 customers early, with their harvest scores", () => {
    const s = new EndUserSketch();
    // ~90 requests: each campaign end user has sent about 3–4 so far
    for (const { id, h } of resellerTraffic(90)) s.add(id, h);
    const heavy = s.heavy().filter((u) => u.n >= 2);
    const campaign = heavy.filter((u) => u.id.startsWith("campaign_"));
    expect(campaign.length).toBeGreaterThanOrEqual(8);
    for (const u of campaign) expect(u.harvest).toBeCloseTo(0.8, 5);
  });

  it("keeps the busy end users on top and counts distinct ones in bounded memory", () => {
    const s = new EndUserSketch();
    for (const { id, h } of resellerTraffic(3000)) s.add(id, h);
    const top = s.heavy().slice(0, 12);
    expect(top.every((u) => u.id.startsWith("campaign_"))).toBe(true);
    expect(top.every((u) => u.n >= 5)).toBe(true);
    // 162 distinct ids; a 32-value KMV sketch is within ±36% at two standard errors
    expect(s.distinct).toBeGreaterThan(105);
    expect(s.distinct).toBeLessThan(220);
    expect(s.total).toBe(3000);
    expect(s.heavy().length).toBeLessThanOrEqual(48);
  });
});
