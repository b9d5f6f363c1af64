// The reason taxonomy an analyst picks from when deciding. Fixed codes (not free text) so that
// evaluation and reporting can group decisions; the free-text `note` carries the rest.

/** Reason codes, grouped by the kind of outcome they justify. */
export const reasonTaxonomy = {
  attack: [
    "confirmed-distillation",
    "shared-infrastructure",
    "templated-harvesting",
    "reseller-abuse",
    "tos-violation",
  ],
  benign: [
    "legitimate-eval",
    "research-benchmark",
    "enterprise-batch",
    "shared-nat-or-proxy",
    "known-customer",
  ],
  undecided: ["insufficient-evidence", "needs-more-traffic", "duplicate-case", "policy-exception"],
} as const;

/** Every reason code. */
export const reasonCodes = [
  ...reasonTaxonomy.attack,
  ...reasonTaxonomy.benign,
  ...reasonTaxonomy.undecided,
] as [string, ...string[]];
