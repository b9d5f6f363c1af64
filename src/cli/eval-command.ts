import { formatEvalTable, runEvaluation } from "../evaluate/index.js";
import { parseCommand, required } from "./args.js";

export const evalUsage = "distillwatch eval --truth FILE --result DIR [--truth-exchanges FILE] [--json]";

/** `distillwatch eval`. */
export async function evalCommand(argv: string[]): Promise<void> {
  const { values } = parseCommand(argv, {
    truth: { type: "string" },
    result: { type: "string" },
    "truth-exchanges": { type: "string" },
    json: { type: "boolean" },
  });
  const report = await runEvaluation({
    truthFile: required(values.truth, "truth"),
    resultDir: required(values.result, "result"),
    truthExchangesFile: values["truth-exchanges"],
  });
  process.stdout.write(values.json ? JSON.stringify(report) + "\n" : formatEvalTable(report) + "\n");
}
