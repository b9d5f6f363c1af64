import { runSimulation, scenarios } from "../simulate/index.js";
import { DistillwatchError } from "../errors.js";
import { numberFlag, parseCommand, required } from "./args.js";

export const simulateUsage = "distillwatch simulate --scenario NAME --seed N --out DIR [--scale F]";

/** `distillwatch simulate`. */
export async function simulateCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, {
    scenario: { type: "string" },
    seed: { type: "string" },
    out: { type: "string", short: "o" },
    scale: { type: "string" },
  });
  const scenario = required(values.scenario, "scenario");
  if (!scenarios.includes(scenario))
    throw new DistillwatchError(
      "usage",
      `unknown scenario "${scenario}"; choose one of ${scenarios.join(", ")}`,
    );
  const s = await runSimulation({
    scenario,
    seed: numberFlag(values.seed, "seed"),
    outDir: required(values.out, "out"),
    scale: values.scale === undefined ? undefined : numberFlag(values.scale, "scale"),
  });
  process.stdout.write(
    `simulated ${s.exchanges} exchanges from ${s.accounts} accounts (${s.attackAccounts} attack in ${s.campaigns} campaigns) in ${s.seconds.toFixed(1)} s → ${values.out}\n`,
  );
}
