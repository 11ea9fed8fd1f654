/**
 * `npm run bench` (part): public reads against the bytes they carry. The product (child process,
 * fresh SQLite, the bundled list) answers GET /api/v1/powerlists/items/1; a bare Fastify route in
 * another child process sends the very same bytes. autocannon drives each with 16 connections from
 * this process, one after the other, and prints requests/s and latency side by side — plus the
 * product's 304 answer to a client that already has the item (If-None-Match).
 * Target (issue 10): the product's item read at ≥ 50 % of the bare route's requests/s.
 *
 *   BENCH_SECONDS=10 npx tsx bench/public-reads.ts
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 16;
const ITEM_PATH = '/api/v1/powerlists/items/1';
const TARGET_RATIO = 0.5;

const mode = process.argv[2];

if (mode === 'product') {
  // A child: the product on a fresh SQLite database, as `quanze serve` starts it.
  const { startBenchProduct } = await import('./product-server.js');
  const { server, dir, url } = await startBenchProduct('quanze-bench-reads-');
  reportCpuOnRequest();
  process.stdout.write(`READY ${url}\n`);
  process.on('SIGTERM', async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
} else if (mode === 'bare') {
  // A child: the least a Node HTTP server can do — one Fastify route sending fixed bytes.
  const { default: Fastify } = await import('fastify');
  const body = fs.readFileSync(process.argv[3] as string);
  const app = Fastify({ logger: false });
  app.get(ITEM_PATH, (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  reportCpuOnRequest();
  process.stdout.write(`READY http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`);
  process.on('SIGTERM', async () => {
    await app.close();
    process.exit(0);
  });
} else {
  await main();
}

/**
 * A child answers "cpu" on its stdin with the CPU time it has used (user + system, microseconds):
 * on a shared machine requests/s depend on what else runs, CPU time per request much less.
 */
function reportCpuOnRequest(): void {
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.stdout.write(`CPU ${user + system}\n`);
    }
  });
}

interface Child {
  url: string;
  process: ChildProcess;
  /** the child's CPU time so far, in microseconds */
  cpu(): Promise<number>;
}

/** Starts this file in a child process in `childMode`; resolves with its URL once it listens. */
async function child(childMode: string, ...args: string[]): Promise<Child> {
  const proc = spawn(process.execPath, [...process.execArgv, import.meta.filename, childMode, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: proc.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const next = async (prefix: string): Promise<string> => {
    for (;;) {
      const line = await lines.next();
      if (line.done) throw new Error(`${childMode} server exited before printing ${prefix}`);
      if (line.value.startsWith(prefix)) return line.value.slice(prefix.length);
    }
  };
  const url = await next('READY ');
  return {
    url,
    process: proc,
    cpu: async () => {
      proc.stdin?.write('cpu\n');
      return Number(await next('CPU '));
    },
  };
}

interface Run {
  label: string;
  rps: number;
  /** the server's CPU time per answered request, in microseconds */
  cpuPerRequest: number;
  p50: number;
  p99: number;
  bytes: number;
  bad: number;
}

async function load(label: string, server: Child, url: string, headers: Record<string, string> = {}): Promise<Run> {
  // A short warm-up: JIT and the product's first build of the item's body are not what we measure.
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
  const cpuBefore = await server.cpu();
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const cpuAfter = await server.cpu();
  return {
    label,
    rps: r.requests.average,
    cpuPerRequest: (cpuAfter - cpuBefore) / Math.max(1, r.requests.total),
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytes: r.throughput.average / Math.max(1, r.requests.average),
    bad: r.errors + r.timeouts + r.non2xx - (headers['if-none-match'] ? r['3xx'] : 0),
  };
}

async function main(): Promise<void> {
  console.log(`public reads: ${CONNECTIONS} connections, ${SECONDS} s each, ${os.cpus().length} cores, Node ${process.version}`);
  const product = await child('product');
  const runs: Run[] = [];
  let bare: Child | undefined;
  try {
    const first = await fetch(`${product.url}${ITEM_PATH}`);
    const etag = first.headers.get('etag') ?? '';
    const bytes = Buffer.from(await first.arrayBuffer());
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'quanze-bench-bare-')), 'item.json');
    fs.writeFileSync(file, bytes);
    console.log(`  the item: ${(bytes.length / 1024).toFixed(1)} KB of JSON, ETag ${etag}`);
    bare = await child('bare', file);
    runs.push(await load('bare Fastify route, same bytes', bare, `${bare.url}${ITEM_PATH}`));
    runs.push(await load(`product GET ${ITEM_PATH}`, product, `${product.url}${ITEM_PATH}`));
    runs.push(await load('product, If-None-Match → 304', product, `${product.url}${ITEM_PATH}`, { 'if-none-match': etag }));
  } finally {
    product.process.kill('SIGTERM');
    bare?.process.kill('SIGTERM');
  }
  for (const r of runs) {
    console.log(
      `  ${r.label.padEnd(42)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${(r.bytes / 1024).toFixed(1)} KB/resp  server CPU ${r.cpuPerRequest.toFixed(0)} µs/req${r.bad ? `  ${r.bad} errors/non-2xx` : ''}`,
    );
  }
  const [bareRun, productRun] = runs;
  if (!bareRun || !productRun) return;
  const ratio = productRun.rps / bareRun.rps;
  // Requests/s also measure autocannon (same machine, one thread) and whatever else runs; the
  // servers' CPU time per request is what each costs. The target is judged on both.
  const cpuRatio = bareRun.cpuPerRequest / productRun.cpuPerRequest;
  const ok = ratio >= TARGET_RATIO && cpuRatio >= TARGET_RATIO && productRun.bad === 0;
  console.log(
    `  product item read at ${(ratio * 100).toFixed(0)} % of the bare route's requests/s, ${(cpuRatio * 100).toFixed(0)} % by server CPU per request (target ≥ ${TARGET_RATIO * 100} %): ${ok ? 'OK' : 'SLOWER THAN TARGET'}`,
  );
}
