// Scenario sizes. `reported-2026` mirrors the publicly reported numbers (three campaigns of
// about 150k, 3.4M and 13M exchanges from ~24k accounts) inside benign traffic of similar volume.
import type { CampaignDef } from "./campaigns.js";

/** A scenario: span, benign persona groups with their traffic, and campaigns. */
export interface ScenarioDef {
  readonly days: number;
  readonly startIso: string;
  readonly benign: readonly {
    readonly persona: string;
    readonly groups: number;
    readonly exchanges: number;
  }[];
  readonly campaigns: readonly CampaignDef[];
}

const small: ScenarioDef = {
  days: 7,
  startIso: "2026-01-12T00:00:00Z",
  benign: [
    { persona: "individual-developer", groups: 300, exchanges: 6500 },
    { persona: "chat-app", groups: 4, exchanges: 3500 },
    { persona: "enterprise", groups: 4, exchanges: 3000 },
    { persona: "university", groups: 1, exchanges: 1800 },
    { persona: "eval-team", groups: 3, exchanges: 4000 },
    { persona: "synthetic-data", groups: 3, exchanges: 2500 },
    { persona: "agent-framework", groups: 6, exchanges: 1800 },
    { persona: "reseller", groups: 2, exchanges: 1200 },
  ],
  campaigns: [
    {
      id: "c1",
      accounts: 60,
      exchanges: 5000,
      mix: [
        ["cotHarvest", 70],
        ["rubricGrading", 30],
      ],
      sync: "tight",
      payment: "shared",
      proxyExits: 120,
      datacenterShare: 0.15,
      agedShare: 0.2,
    },
    {
      id: "c2",
      accounts: 40,
      exchanges: 3500,
      mix: [
        ["agenticCoding", 60],
        ["toolUse", 40],
      ],
      sync: "loose",
      payment: "rotated",
      proxyExits: 80,
      datacenterShare: 0.3,
      agedShare: 0.4,
      window: [0.15, 1],
    },
    {
      id: "c3",
      accounts: 80,
      exchanges: 1200,
      mix: [
        ["cotHarvest", 40],
        ["instructionHarvest", 60],
      ],
      sync: "slow",
      payment: "own",
      proxyExits: 200,
      datacenterShare: 0.05,
      agedShare: 0.5,
    },
    {
      id: "c4",
      accounts: 6,
      exchanges: 2000,
      mix: [
        ["instructionHarvest", 60],
        ["cotHarvest", 40],
      ],
      sync: "none",
      payment: "own",
      proxyExits: 30,
      datacenterShare: 0.3,
      agedShare: 0.3,
      reseller: { endUsers: 150, campaignEndUsers: 12, benignExchanges: 1500, campaignExchanges: 1200 },
    },
  ],
};

function grow(
  base: ScenarioDef,
  days: number,
  groupScale: number,
  exchangeScale: number,
  campaigns: readonly CampaignDef[],
): ScenarioDef {
  return {
    days,
    startIso: base.startIso,
    benign: base.benign.map((b) => ({
      ...b,
      groups: Math.max(1, Math.round(b.groups * groupScale)),
      exchanges: Math.round(b.exchanges * exchangeScale),
    })),
    campaigns,
  };
}

const medium = grow(small, 14, 10, 27, [
  {
    id: "c1",
    accounts: 800,
    exchanges: 150_000,
    mix: [
      ["cotHarvest", 70],
      ["rubricGrading", 30],
    ],
    sync: "tight",
    payment: "shared",
    proxyExits: 1500,
    datacenterShare: 0.15,
    agedShare: 0.2,
  },
  {
    id: "c2",
    accounts: 500,
    exchanges: 100_000,
    mix: [
      ["agenticCoding", 60],
      ["toolUse", 40],
    ],
    sync: "loose",
    payment: "rotated",
    proxyExits: 900,
    datacenterShare: 0.3,
    agedShare: 0.4,
    window: [0.1, 1],
  },
  {
    id: "c3",
    accounts: 1500,
    exchanges: 30_000,
    mix: [
      ["cotHarvest", 40],
      ["instructionHarvest", 60],
    ],
    sync: "slow",
    payment: "own",
    proxyExits: 3000,
    datacenterShare: 0.05,
    agedShare: 0.5,
  },
  {
    id: "c4",
    accounts: 21,
    exchanges: 60_000,
    mix: [
      ["instructionHarvest", 60],
      ["cotHarvest", 40],
    ],
    sync: "none",
    payment: "own",
    proxyExits: 60,
    datacenterShare: 0.3,
    agedShare: 0.3,
    reseller: { endUsers: 800, campaignEndUsers: 40, benignExchanges: 30_000, campaignExchanges: 30_000 },
  },
  {
    id: "c5",
    accounts: 200,
    exchanges: 40_000,
    mix: [
      ["rubricGrading", 60],
      ["instructionHarvest", 40],
    ],
    sync: "none",
    payment: "own",
    proxyExits: 400,
    datacenterShare: 0.5,
    agedShare: 0.6,
    window: [0.3, 0.8],
  },
  {
    id: "c6",
    accounts: 300,
    exchanges: 20_000,
    mix: [
      ["toolUse", 70],
      ["agenticCoding", 30],
    ],
    sync: "tight",
    payment: "rotated",
    proxyExits: 500,
    datacenterShare: 0.2,
    agedShare: 0.1,
    window: [0.5, 1],
  },
]);

const large = grow(small, 21, 30, 135, [
  ...(medium.campaigns.map((c) => ({
    ...c,
    accounts: c.reseller ? c.accounts : c.accounts * 3,
    exchanges: c.exchanges * 5,
    proxyExits: c.proxyExits * 3,
    ...(c.reseller
      ? {
          reseller: {
            ...c.reseller,
            endUsers: c.reseller.endUsers * 3,
            benignExchanges: c.reseller.benignExchanges * 5,
            campaignExchanges: c.reseller.campaignExchanges * 5,
          },
        }
      : {}),
  })) as CampaignDef[]),
  {
    id: "c7",
    accounts: 2000,
    exchanges: 250_000,
    mix: [
      ["agenticCoding", 50],
      ["cotHarvest", 50],
    ],
    sync: "loose",
    payment: "shared",
    proxyExits: 4000,
    datacenterShare: 0.2,
    agedShare: 0.3,
    window: [0.4, 1],
  },
  {
    id: "c8",
    accounts: 60,
    exchanges: 10_000,
    mix: [["cotHarvest", 100]],
    sync: "tight",
    payment: "shared",
    proxyExits: 40,
    datacenterShare: 0.6,
    agedShare: 0,
    window: [0.6, 0.9],
  },
]);

const reported: ScenarioDef = {
  days: 28,
  startIso: "2026-01-05T00:00:00Z",
  benign: [
    { persona: "individual-developer", groups: 12000, exchanges: 4_000_000 },
    { persona: "chat-app", groups: 60, exchanges: 3_000_000 },
    { persona: "enterprise", groups: 100, exchanges: 2_500_000 },
    { persona: "university", groups: 20, exchanges: 1_000_000 },
    { persona: "eval-team", groups: 40, exchanges: 2_500_000 },
    { persona: "synthetic-data", groups: 30, exchanges: 1_800_000 },
    { persona: "agent-framework", groups: 150, exchanges: 1_200_000 },
    { persona: "reseller", groups: 15, exchanges: 500_000 },
  ],
  campaigns: [
    {
      id: "c1",
      accounts: 600,
      exchanges: 150_000,
      mix: [
        ["cotHarvest", 60],
        ["rubricGrading", 40],
      ],
      sync: "tight",
      payment: "shared",
      proxyExits: 1200,
      datacenterShare: 0.2,
      agedShare: 0.2,
      window: [0.1, 0.7],
    },
    {
      id: "c2",
      accounts: 5400,
      exchanges: 3_400_000,
      mix: [
        ["agenticCoding", 45],
        ["toolUse", 30],
        ["cotHarvest", 25],
      ],
      sync: "loose",
      payment: "rotated",
      proxyExits: 8000,
      datacenterShare: 0.25,
      agedShare: 0.4,
    },
    {
      id: "c3",
      accounts: 18000,
      exchanges: 13_000_000,
      mix: [
        ["agenticCoding", 40],
        ["toolUse", 25],
        ["instructionHarvest", 20],
        ["cotHarvest", 15],
      ],
      sync: "loose",
      payment: "rotated",
      proxyExits: 20000,
      datacenterShare: 0.2,
      agedShare: 0.35,
      reseller: {
        endUsers: 2000,
        campaignEndUsers: 200,
        benignExchanges: 300_000,
        campaignExchanges: 500_000,
      },
    },
  ],
};

/** Scenario definitions by name. */
export const scenarioDefs: Record<string, ScenarioDef> = { small, medium, large, "reported-2026": reported };

/** Shrinks (or grows) every count of a scenario proportionally. */
export function scaleScenario(s: ScenarioDef, f: number): ScenarioDef {
  if (f === 1) return s;
  const n = (x: number, min: number): number => Math.max(min, Math.round(x * f));
  return {
    ...s,
    benign: s.benign.map((b) => ({ ...b, groups: n(b.groups, 1), exchanges: n(b.exchanges, 10) })),
    campaigns: s.campaigns.map((c) => ({
      ...c,
      accounts: n(c.accounts, c.reseller ? 2 : 3),
      exchanges: n(c.exchanges, 30),
      proxyExits: n(c.proxyExits, 8),
      ...(c.reseller
        ? {
            reseller: {
              endUsers: n(c.reseller.endUsers, 10),
              campaignEndUsers: n(c.reseller.campaignEndUsers, 2),
              benignExchanges: n(c.reseller.benignExchanges, 10),
              campaignExchanges: n(c.reseller.campaignExchanges, 10),
            },
          }
        : {}),
    })),
  };
}
