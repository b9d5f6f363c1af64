// Gateway benchmark, one run, loopback only, bounded in time. Four targets side by side in front
// of the same local LLM upstream: direct, a bare node:http pass-through proxy, the distillwatch
// gateway (with the real engine), and Portkey's open-source gateway. Each target runs in its own
// process so the load generator does not share a core's event loop with it.
// The distillwatch gateway runs its engine in a worker thread, as `distillwatch gateway` does.
//   npm run bench:gateway [-- --seconds 10 --sequential 1500 --connections 32 --rounds 10 --warmup 3 --no-portkey]
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseConfig } from "../src/config/index.js";
import { startGateway } from "../src/gateway/index.js";
import { startLlmUpstream } from "../src/gateway/testing/llm-upstream.js";

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
type Cannon = (o: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
  pipelining: number;
}) => Promise<CannonResult>;
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
      const up = http.request(
        {
          hostname: "127.0.0.1",
          port: upstreamPort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${upstreamPort}` },
          agent,
        },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        },
      );
      up.on("error", () => res.destroy());
      res.on("close", () => {
        if (!res.writableFinished) up.destroy();
      });
      req.pipe(up);
    })
    .listen(port, "127.0.0.1", () => process.send?.("ready"));
}

// Only for reading the detector's health after the run (loopback, bench process only).
const benchAdminKey = "bench-admin-key-loopback-only";

async function startEngineGateway(port: number, upstreamPort: number): Promise<void> {
  const config = parseConfig({ gateway: { adminKey: benchAdminKey } });
  await startGateway({
    upstream: `http://127.0.0.1:${upstreamPort}`,
    port,
    config,
    detector: { worker: {} },
  });
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
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      self,
      "--role",
      role,
      "--port",
      String(port),
      "--upstream-port",
      String(upstreamPort),
    ],
    { stdio: ["ignore", "ignore", "inherit", "ipc"] },
  );
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

async function spawnPortkey(port: number): Promise<ChildProcess> {
  const bin = createRequire(import.meta.url).resolve("@portkey-ai/gateway/build/start-server.js");
  // Portkey logs every upstream hiccup with a stack trace; its stderr would bury the report.
  const child = spawn(process.execPath, [bin, `--port=${port}`, "--headless"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
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
  JSON.stringify({
    model: "gpt-test",
    stream,
    messages: [
      { role: "system", content: "You are a helpful assistant." },
      { role: "user", content: "Explain how a hash map handles collisions." },
    ],
  });

/** One request; resolves with ms to first body byte and to the end. */
function once(
  t: Target,
  body: string,
  extra: Record<string, string> = {},
): Promise<{ first: number; total: number; status: number }> {
  const u = new URL(`${t.url}/v1/chat/completions`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: u.hostname,
        port: u.port,
        path: u.pathname,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...t.headers,
          ...extra,
        },
      },
      (res) => {
        let first = 0;
        res.on("data", () => {
          if (!first) first = performance.now() - started;
        });
        res.on("end", () =>
          resolve({ first, total: performance.now() - started, status: res.statusCode ?? 0 }),
        );
      },
    );
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
  roundRps: number[];
  bad: number;
}

// The machine is shared (2 cores, other work running), so targets are measured interleaved: the
// sequential requests go round-robin over the targets (request i to each target in turn), and the
// load phases run in rounds, every target getting a slice of each round, so background noise
// lands on all of them alike.
async function measureSequential(targets: Target[], ms: Measured[], sequential: number): Promise<void> {
  const whole = chatBody(false);
  const streamed = chatBody(true);
  for (let i = 0; i < sequential; i++) {
    for (const [k, t] of targets.entries()) {
      const m = ms[k]!;
      const r = await once(t, whole);
      if (r.status !== 200) m.bad += 1;
      m.lat.push(r.total);
    }
    // Every 8th step a stream of 8 deltas, 2 ms apart: the first chunk is ready long before the stream ends.
    if (i % 8 !== 0) continue;
    for (const [k, t] of targets.entries()) {
      const m = ms[k]!;
      const r = await once(t, streamed, { "x-upstream-delay-ms": "2" });
      if (r.status !== 200) m.bad += 1;
      m.ttfc.push(r.first);
    }
  }
}

async function measureLoad(t: Target, m: Measured, seconds: number, connections: number): Promise<void> {
  const c = await autocannon({
    url: `${t.url}/v1/chat/completions`,
    method: "POST",
    headers: { "content-type": "application/json", ...t.headers },
    body: chatBody(false),
    connections,
    duration: seconds,
    pipelining: 1,
  });
  m.bad += c.non2xx + c.errors;
  m.requests += c.requests.total;
  m.seconds += seconds;
  m.loadP50.push(c.latency.p50);
  m.loadP99.push(c.latency.p99);
  m.roundRps.push(c.requests.total / seconds);
}

async function main(): Promise<void> {
  const role = process.argv[process.argv.indexOf("--role") + 1];
  if (process.argv.includes("--role") && role) return runRole(role, arg("port", 0), arg("upstream-port", 0));

  const seconds = arg("seconds", 10);
  const sequential = arg("sequential", 1500);
  const connections = arg("connections", 32);
  const rounds = arg("rounds", 10);
  const withPortkey = !process.argv.includes("--no-portkey");
  const base = 40_000 + Math.floor(Math.random() * 10_000);
  const ports = { upstream: base, bare: base + 1, gateway: base + 2, portkey: base + 3 };
  const children: ChildProcess[] = [];
  try {
    children.push(await spawnRole("upstream", ports.upstream, 0));
    children.push(await spawnRole("bare", ports.bare, ports.upstream));
    children.push(await spawnRole("gateway", ports.gateway, ports.upstream));
    if (withPortkey) children.push(await spawnPortkey(ports.portkey));
    const targets: Target[] = [
      { name: "direct", url: `http://127.0.0.1:${ports.upstream}`, headers: {} },
      { name: "bare node proxy", url: `http://127.0.0.1:${ports.bare}`, headers: {} },
      {
        name: "distillwatch",
        url: `http://127.0.0.1:${ports.gateway}`,
        headers: { authorization: "Bearer sk-bench", "x-distillwatch-account": "acct_bench" },
      },
    ];
    if (withPortkey)
      targets.push({
        name: "portkey 1.15.2",
        url: `http://127.0.0.1:${ports.portkey}`,
        headers: {
          authorization: "Bearer sk-bench",
          "x-portkey-provider": "openai",
          "x-portkey-custom-host": `http://127.0.0.1:${ports.upstream}/v1`,
          "x-portkey-forward-headers": "x-upstream-delay-ms",
        },
      });
    let warmupRequests = 0;
    const results: Measured[] = targets.map((t) => ({
      name: t.name,
      lat: [],
      ttfc: [],
      requests: 0,
      seconds: 0,
      loadP50: [],
      loadP99: [],
      roundRps: [],
      bad: 0,
    }));
    // Warm-up to steady state (JIT, keep-alive pools, heap sizing; for distillwatch also the
    // worker's engine), the same for every target; not measured.
    for (const t of targets) for (let i = 0; i < 300; i++) await once(t, chatBody(i % 2 === 0));
    for (const t of targets) {
      const w = await autocannon({
        url: `${t.url}/v1/chat/completions`,
        method: "POST",
        headers: { "content-type": "application/json", ...t.headers },
        body: chatBody(false),
        connections,
        duration: arg("warmup", 3),
        pipelining: 1,
      });
      if (t.name === "distillwatch") warmupRequests += 300 + w.requests.total;
    }
    for (let round = 0; round < rounds; round++) {
      process.stderr.write(`round ${round + 1}/${rounds}\n`);
      await measureSequential(targets, results, Math.ceil(sequential / rounds));
      // Rotate the order of direct, bare and distillwatch so none always runs right after the same
      // one. Portkey goes last: under load it keeps a backlog (p99 near a second) that it is still
      // working off after its phase ends, which would steal the CPU from whoever came next. A short
      // pause after each phase lets every target finish what it has in flight.
      const order = [0, 1, 2].map((k) => (k + round) % 3).concat(targets.length > 3 ? [3] : []);
      for (const i of order) {
        await measureLoad(targets[i]!, results[i]!, seconds / rounds, connections);
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    report(results, { seconds, sequential, connections, rounds });
    await reportDetector(
      targets[2]!.url,
      warmupRequests + results[2]!.lat.length + results[2]!.ttfc.length + results[2]!.requests,
    );
  } finally {
    for (const c of children) c.kill();
  }
}

/** Shows that the gateway recorded what it served: its detector's counters once the run is over. */
async function reportDetector(url: string, counted: number): Promise<void> {
  // Batches held during the last burst go out within a second.
  await new Promise((r) => setTimeout(r, 1500));
  const r = await fetch(`${url}/_distillwatch/health`, {
    headers: { "x-distillwatch-admin-key": benchAdminKey },
  });
  const h = ((await r.json()) as { detector: Record<string, unknown> }).detector;
  console.log(
    `\ndistillwatch detector after the run: ${String(h.ingested)} exchanges ingested (${counted} responses counted by the load generators, which do not count requests still in flight when a phase ends), ${String(h.rejected)} rejected, ${String(h.dropped)} dropped, ${String(h.queued)} queued, healthy ${String(h.healthy)}`,
  );
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
  return {
    name: m.name,
    p50: pct(m.lat, 0.5),
    p99: pct(m.lat, 0.99),
    ttfc50: pct(m.ttfc, 0.5),
    ttfc99: pct(m.ttfc, 0.99),
    rps: m.requests / m.seconds,
    load: `${median(m.loadP50)}/${median(m.loadP99)}`,
    bad: m.bad,
  };
}

function report(
  ms: Measured[],
  o: { seconds: number; sequential: number; connections: number; rounds: number },
): void {
  const rs = ms.map(summarize);
  const direct = rs[0]!;
  const bare = rs[1]!;
  const f = (n: number): string => n.toFixed(3);
  console.log(
    `\ngateway bench, one run: ${o.rounds} interleaved rounds; per target ${ms[0]!.lat.length} sequential requests (round-robin over targets), ${ms[0]!.ttfc.length} streams, autocannon ${o.seconds}s total x ${o.connections} connections (node ${process.version})`,
  );
  console.log(
    "target            | seq p50 ms | seq p99 ms | added p50 | added p99 | ttfc p50 | ttfc p99 | req/s   | load p50/p99 ms | non-2xx",
  );
  for (const r of rs) {
    console.log(
      `${r.name.padEnd(17)} | ${f(r.p50).padStart(10)} | ${f(r.p99).padStart(10)} | ${f(r.p50 - direct.p50).padStart(9)} | ${f(r.p99 - direct.p99).padStart(9)} | ${f(r.ttfc50).padStart(8)} | ${f(r.ttfc99).padStart(8)} | ${r.rps.toFixed(0).padStart(7)} | ${r.load.padStart(15)} | ${r.bad}`,
    );
  }
  const bareAdded50 = bare.p50 - direct.p50;
  const bareAdded99 = bare.p99 - direct.p99;
  const ratio = (x: number, of: number): string => (of > 0 ? `${(x / of).toFixed(2)}x` : "n/a");
  console.log(
    `\nvs bare pass-through (added = target - direct; bare added p50 ${f(bareAdded50)} ms, p99 ${f(bareAdded99)} ms, ${bare.rps.toFixed(0)} req/s)`,
  );
  console.log(
    "target            | added p50 (<= 1.3x) | added p99 (<= 1.5x) | throughput (>= 0.8x) | throughput per round",
  );
  for (const [k, r] of rs.entries()) {
    if (k < 2) continue;
    const a50 = (r.p50 - direct.p50) / bareAdded50;
    const a99 = (r.p99 - direct.p99) / bareAdded99;
    const tp = r.rps / bare.rps;
    const perRound = ms[k]!.roundRps.map((x, i) => (x / ms[1]!.roundRps[i]!).toFixed(2)).join(" ");
    const cell = (s: string, ok: boolean): string => `${s} ${ok ? "ok" : "MISS"}`.padEnd(19);
    console.log(
      `${r.name.padEnd(17)} | ${cell(ratio(r.p50 - direct.p50, bareAdded50), bareAdded50 > 0 && a50 <= 1.3)} | ${cell(ratio(r.p99 - direct.p99, bareAdded99), bareAdded99 > 0 && a99 <= 1.5)} | ${cell(`${tp.toFixed(2)}x`, tp >= 0.8).padEnd(20)} | ${perRound}`,
    );
  }
}

await main();
