// Makes `npx distillwatch` work from the repository root: npm links the bins of dependencies
// into node_modules/.bin but not the root package's own, so `prepare` links it there.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";

const dir = join("node_modules", ".bin");
const link = join(dir, "distillwatch");
if (existsSync("node_modules")) {
  mkdirSync(dir, { recursive: true });
  rmSync(link, { force: true });
  symlinkSync(join("..", "..", "bin", "distillwatch.js"), link);
  chmodSync(join("bin", "distillwatch.js"), 0o755);
}
