// Gateway benchmark, one run, loopback only, bounded in time. Four targets side by side in front
// of the same local LLM upstream: direct, a bare node:http pass-through proxy, the distillwatch
// gateway (with the real engine), and Portkey's open-source gateway. Each target runs in its own
// process so the load generator does not share a core's event loop with it.
//   npm run bench:gateway [-- --seconds 6 --sequential 400 --connections 32]
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseConfig } from "../src/config/index.js";
import { createEngine } from "../src/engine/index.js";
import { startGateway } from "../src/gateway/index.js";
import { startLlmUpstream } from "../src/gateway/testing/llm-upstream.js";

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Cannon = (o: { url: string; method: string; headers: Record<string, string>; body: string; connections: number; duration: number; pipelining: number }) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Cannon;

const self = fileURLToPath(import.meta.url);
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** ~30 lines: the floor any proxy pays (parse HTTP, open/reuse an upstream socket, pipe both ways). */
function startBareProxy(port: number, upstreamPort: number): void {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  http
    .createServer((req, res) => {
      const up = http.request({ hostname: "127.0.0.1", port: upstreamPort, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${upstreamPort}` }, agent }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      });
      up.on("error", () => res.destroy());
      res.on("close", () => {
        if (!res.writableFinished) up.destroy();
      });
      req.pipe(up);
    })
    .listen(port, "127.0.0.1", () => process.send?.("ready"));
}

async function startEngineGateway(port: number, upstreamPort: number): Promise<void> {
  const config = parseConfig({});
  const detector = createEngine(config);
  await startGateway({ upstream: `http://127.0.0.1:${upstreamPort}`, port, config, detector });
  process.send?.("ready");
}

async function runRole(role: string, port: number, upstreamPort: number): Promise<void> {
  if (role === "upstream") {
    await startLlmUpstream(port);
    process.send?.("ready");
  } else if (role === "bare") startBareProxy(port, upstreamPort);
  else if (role === "gateway") await startEngineGateway(port, upstreamPort);
}

function spawnRole(role: string, port: number, upstreamPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", self, "--role", role, "--port", String(port), "--upstream-port", String(upstreamPort)], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

async function spawnPortkey(port: number): Promise<ChildProcess> {
  const bin = createRequire(import.meta.url).resolve("@portkey-ai/gateway/build/start-server.js");
  const child = spawn(process.execPath, [bin, `--port=${port}`, "--headless"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("Ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`portkey exited with ${code}`)));
  });
  return child;
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const chatBody = (stream: boolean): string =>
  JSON.stringify({ model: "gpt-test", stream, messages: [{ role: "system", content: "You are a helpful assistant." }, { role: "user", content: "Explain how a hash map handles collisions." }] });

/** One request; resolves with ms to first body byte and to the end. */
function once(t: Target, body: string, extra: Record<string, string> = {}): Promise<{ first: number; total: number; status: number }> {
  const u = new URL(`${t.url}/v1/chat/completions`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: u.hostname, port: u.port, path: u.pathname, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...t.headers, ...extra } }, (res) => {
      let first = 0;
      res.on("data", () => {
        if (!first) first = performance.now() - started;
      });
      res.on("end", () => resolve({ first, total: performance.now() - started, status: res.statusCode ?? 0 }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

interface Measured {
  name: string;
  lat: number[];
  ttfc: number[];
  requests: number;
  seconds: number;
  loadP50: number[];
  loadP99: number[];
  bad: number;
}

// The machine is shared (2 cores, other work running), so targets are measured in interleaved
// rounds: every target gets a slice of each round and background noise lands on all of them alike.
async function measureRound(t: Target, m: Measured, sequential: number, seconds: number, connections: number): Promise<void> {
  const whole = chatBody(false);
  const streamed = chatBody(true);
  for (let i = 0; i < sequential; i++) {
    const r = await once(t, whole);
    if (r.status !== 200) m.bad += 1;
    m.lat.push(r.total);
  }
  // 8 deltas, 2 ms apart: the first chunk is ready long before the stream ends.
  for (let i = 0; i < Math.ceil(sequential / 4); i++) {
    const r = await once(t, streamed, { "x-upstream-delay-ms": "2" });
    if (r.status !== 200) m.bad += 1;
    m.ttfc.push(r.first);
  }
  const c = await autocannon({ url: `${t.url}/v1/chat/completions`, method: "POST", headers: { "content-type": "application/json", ...t.headers }, body: whole, connections, duration: seconds, pipelining: 1 });
  m.bad += c.non2xx + c.errors;
  m.requests += c.requests.total;
  m.seconds += seconds;
  m.loadP50.push(c.latency.p50);
  m.loadP99.push(c.latency.p99);
}

async function main(): Promise<void> {
  const role = process.argv[process.argv.indexOf("--role") + 1];
  if (process.argv.includes("--role") && role) return runRole(role, arg("port", 0), arg("upstream-port", 0));

  const seconds = arg("seconds", 6);
  const sequential = arg("sequential", 400);
  const connections = arg("connections", 32);
  const rounds = arg("rounds", 3);
  const base = 40_000 + Math.floor(Math.random() * 10_000);
  const ports = { upstream: base, bare: base + 1, gateway: base + 2, portkey: base + 3 };
  const children: ChildProcess[] = [];
  try {
    children.push(await spawnRole("upstream", ports.upstream, 0));
    children.push(await spawnRole("bare", ports.bare, ports.upstream));
    children.push(await spawnRole("gateway", ports.gateway, ports.upstream));
    children.push(await spawnPortkey(ports.portkey));
    const targets: Target[] = [
      { name: "direct", url: `http://127.0.0.1:${ports.upstream}`, headers: {} },
      { name: "bare node proxy", url: `http://127.0.0.1:${ports.bare}`, headers: {} },
      { name: "distillwatch", url: `http://127.0.0.1:${ports.gateway}`, headers: { authorization: "Bearer sk-bench", "x-distillwatch-account": "acct_bench" } },
      { name: "portkey 1.15.2", url: `http://127.0.0.1:${ports.portkey}`, headers: { authorization: "Bearer sk-bench", "x-portkey-provider": "openai", "x-portkey-custom-host": `http://127.0.0.1:${ports.upstream}/v1`, "x-portkey-forward-headers": "x-upstream-delay-ms" } },
    ];
    const results: Measured[] = targets.map((t) => ({ name: t.name, lat: [], ttfc: [], requests: 0, seconds: 0, loadP50: [], loadP99: [], bad: 0 }));
    for (const t of targets) for (let i = 0; i < 100; i++) await once(t, chatBody(i % 2 === 0));
    for (let round = 0; round < rounds; round++) {
      process.stderr.write(`round ${round + 1}/${rounds}\n`);
      for (const [i, t] of targets.entries()) await measureRound(t, results[i]!, Math.ceil(sequential / rounds), seconds / rounds, connections);
    }
    report(results, { seconds, sequential, connections, rounds });
  } finally {
    for (const c of children) c.kill();
  }
}

interface Row {
  name: string;
  p50: number;
  p99: number;
  ttfc50: number;
  ttfc99: number;
  rps: number;
  load: string;
  bad: number;
}

function summarize(m: Measured): Row {
  const median = (xs: number[]): number => pct(xs, 0.5);
  return { name: m.name, p50: pct(m.lat, 0.5), p99: pct(m.lat, 0.99), ttfc50: pct(m.ttfc, 0.5), ttfc99: pct(m.ttfc, 0.99), rps: m.requests / m.seconds, load: `${median(m.loadP50)}/${median(m.loadP99)}`, bad: m.bad };
}

function report(ms: Measured[], o: { seconds: number; sequential: number; connections: number; rounds: number }): void {
  const rs = ms.map(summarize);
  const direct = rs[0]!;
  const bare = rs[1]!;
  const f = (n: number): string => n.toFixed(3);
  console.log(`\ngateway bench, one run: ${o.rounds} interleaved rounds; per target ${o.sequential} sequential requests, ${o.rounds * Math.ceil(o.sequential / o.rounds / 4)} streams, autocannon ${o.seconds}s total x ${o.connections} connections (node ${process.version})`);
  console.log("target            | seq p50 ms | seq p99 ms | added p50 | added p99 | ttfc p50 | ttfc p99 | req/s   | load p50/p99 ms | non-2xx");
  for (const r of rs) {
    console.log(`${r.name.padEnd(17)} | ${f(r.p50).padStart(10)} | ${f(r.p99).padStart(10)} | ${f(r.p50 - direct.p50).padStart(9)} | ${f(r.p99 - direct.p99).padStart(9)} | ${f(r.ttfc50).padStart(8)} | ${f(r.ttfc99).padStart(8)} | ${r.rps.toFixed(0).padStart(7)} | ${r.load.padStart(15)} | ${r.bad}`);
  }
  const bareAdded50 = bare.p50 - direct.p50;
  const bareAdded99 = bare.p99 - direct.p99;
  console.log("\nvs bare pass-through (targets: added p50 <= 1.3x, added p99 <= 1.5x, throughput >= 0.8x)");
  for (const r of rs.slice(2)) {
    const a50 = (r.p50 - direct.p50) / bareAdded50;
    const a99 = (r.p99 - direct.p99) / bareAdded99;
    const tp = r.rps / bare.rps;
    console.log(`${r.name.padEnd(17)} added p50 ${a50.toFixed(2)}x ${a50 <= 1.3 ? "ok" : "MISS"} | added p99 ${a99.toFixed(2)}x ${a99 <= 1.5 ? "ok" : "MISS"} | throughput ${tp.toFixed(2)}x ${tp >= 0.8 ? "ok" : "MISS"}`);
  }
}

await main();
