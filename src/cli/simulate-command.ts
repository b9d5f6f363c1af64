import { runSimulation, scenarios } from "../simulate/index.js";
import { DistillwatchError } from "../errors.js";
import { numberFlag, parseCommand, required } from "./args.js";

export const simulateUsage =
  "distillwatch simulate --scenario NAME --seed N --out DIR [--scale F] [--camouflage SHARE] [--fixed-exits]";

/** `distillwatch simulate`. */
export async function simulateCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, {
    scenario: { type: "string" },
    seed: { type: "string" },
    out: { type: "string", short: "o" },
    scale: { type: "string" },
    camouflage: { type: "string" },
    "fixed-exits": { type: "boolean" },
  });
  const scenario = required(values.scenario, "scenario");
  if (!scenarios.includes(scenario))
    throw new DistillwatchError(
      "usage",
      `unknown scenario "${scenario}"; choose one of ${scenarios.join(", ")}`,
    );
  const camouflage =
    values.camouflage === undefined ? undefined : numberFlag(values.camouflage, "camouflage");
  if (camouflage !== undefined && !(camouflage >= 0 && camouflage <= 0.9))
    throw new DistillwatchError("usage", `--camouflage must be a share from 0 to 0.9, got ${camouflage}`);
  const s = await runSimulation({
    scenario,
    seed: numberFlag(values.seed, "seed"),
    outDir: required(values.out, "out"),
    scale: values.scale === undefined ? undefined : numberFlag(values.scale, "scale"),
    camouflage,
    fixedExits: values["fixed-exits"] ?? false,
  });
  process.stdout.write(
    `simulated ${s.exchanges} exchanges from ${s.accounts} accounts (${s.attackAccounts} attack in ${s.campaigns} campaigns) in ${s.seconds.toFixed(1)} s → ${values.out}\n`,
  );
}
