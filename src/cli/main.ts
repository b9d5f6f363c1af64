#!/usr/bin/env node
// The distillwatch command line: one subcommand per job; errors print one line (no stack
// trace unless --debug) and exit non-zero.
import { isDistillwatchError } from "../errors.js";
import { analyzeCommand, analyzeUsage } from "./analyze-command.js";
import { demoCommand } from "./demo-command.js";
import { simulateCommand, simulateUsage } from "./simulate-command.js";
import { evalCommand, evalUsage } from "./eval-command.js";
import { serveCommand, serveUsage } from "./serve-command.js";
import { gatewayCommand, gatewayUsage } from "./gateway-command.js";
import { coordinatorCommand, coordinatorUsage } from "./coordinator-command.js";
import { publishCommand, publishUsage } from "./publish-command.js";
import { workerCommand, workerUsage } from "./worker-command.js";

type Command = { run: (argv: string[]) => Promise<void>; usage: string; about: string };

const commands: Record<string, Command> = {
  analyze: {
    run: analyzeCommand,
    usage: analyzeUsage,
    about: "analyze exchange logs; write verdicts, campaigns, summary and report",
  },
  demo: {
    run: demoCommand,
    usage: "distillwatch demo [--out DIR]",
    about: "simulate a built-in sample of traffic, analyze it and show the top campaigns",
  },
  simulate: {
    run: simulateCommand,
    usage: simulateUsage,
    about: "write simulated traffic with ground truth",
  },
  eval: { run: evalCommand, usage: evalUsage, about: "score an analysis against ground truth" },
  gateway: {
    run: gatewayCommand,
    usage: gatewayUsage,
    about: "inline OpenAI/Anthropic-compatible gateway enforcing the policy on live traffic",
  },
  publish: {
    run: publishCommand,
    usage: publishUsage,
    about: "publish exchange logs to the cluster stream (NATS JetStream)",
  },
  worker: {
    run: workerCommand,
    usage: workerUsage,
    about: "cluster worker: consume stream partitions, dedupe through PostgreSQL, score accounts",
  },
  coordinator: {
    run: coordinatorCommand,
    usage: coordinatorUsage,
    about: "cluster coordinator: cross-account linkage and campaigns over the shared store",
  },
  serve: {
    run: serveCommand,
    usage: serveUsage,
    about: "REST API and analyst dashboard over a store (admin key from DISTILLWATCH_ADMIN_KEY)",
  },
};

function help(): string {
  return `distillwatch — detect, attribute and stop LLM distillation campaigns\n\nusage:\n${Object.values(
    commands,
  )
    .map((c) => `  ${c.usage}\n      ${c.about}`)
    .join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`distillwatch: unknown command "${name}"\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`usage: ${cmd.usage}\n`);
    return 0;
  }
  try {
    await cmd.run(rest);
    return 0;
  } catch (e) {
    if (rest.includes("--debug")) console.error(e);
    const msg = isDistillwatchError(e) ? e.message : `internal error: ${(e as Error).message}`;
    process.stderr.write(`distillwatch ${name}: ${msg}\n`);
    return isDistillwatchError(e, "usage") ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
