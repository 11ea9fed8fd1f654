/**
 * Parsing power-list files off the event loop (issue 9): each file is parsed in its own worker
 * thread with a time limit and a heap limit, and at most a few parse at once while the others
 * wait in a bounded queue. A file that would take the server's whole CPU (nested HTML, 4 million
 * shared strings) or memory now costs one worker, which is ended when it runs out of time or heap;
 * every other request goes on being served. A full queue answers 429 straight away.
 *
 * The limits on what a parser accepts (inflated bytes, nesting depth, tags per cell) live in
 * src/io; this module only isolates and bounds whatever the parser does.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TLegalRegistry } from '../../contracts/legal-sources.js';
import { DomainError, ERROR_CODES } from '../../domain/errors.js';
import type { ReadPowerList, ReadPowerListOptions } from '../../io/read-power-list-file.js';
import type { AnalysedItemRow, AnalysisSummary, ParseMessage, WorkerRequest } from './read-power-list.worker.js';

export interface IsolatedParserLimits {
  /** files parsed at the same time */
  maxConcurrent: number;
  /** files waiting beyond those; one more is refused with 429 */
  maxQueued: number;
  /** wall-clock time one parse may take, from the moment its worker starts */
  timeoutMs: number;
  /** the worker's V8 heap limit (old generation), in MB */
  maxHeapMb: number;
}

/** One at a time on a small machine, two where there are cores to spare; 2 minutes; 768 MB each. */
export const DEFAULT_PARSER_LIMITS: IsolatedParserLimits = {
  maxConcurrent: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
  maxQueued: 16,
  timeoutMs: 120_000,
  maxHeapMb: 768,
};

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./read-power-list.worker.${FROM_SOURCES ? 'ts' : 'js'}`, import.meta.url);

/** A new parsing worker; from the sources (tests, `npm run quanze`) it is TypeScript, loaded through tsx. */
/**
 * Below this a worker's isolate cannot even deserialise its start-up snapshot, and Node 24 then
 * ends the whole process ("GC during deserialization") instead of the worker alone.
 */
export const MIN_WORKER_HEAP_MB = 16;

function startWorker(maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: Math.max(MIN_WORKER_HEAP_MB, maxHeapMb) };
  if (!FROM_SOURCES) return new Worker(WORKER_URL, { resourceLimits });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** A parser with its own queue; the server and the CLI share `defaultParser`. */
export class IsolatedParser {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: IsolatedParserLimits = DEFAULT_PARSER_LIMITS) {}

  /** Parses running and waiting (for tests and metrics). */
  state(): { active: number; queued: number } {
    return { active: this.active, queued: this.waiting.length };
  }

  /**
   * Parses the file in a worker thread once a slot is free.
   * @throws DomainError 'rate-limited' when the queue is full, 'too-large' when the parse runs out of
   *   time or memory, and the parser's own errors (malformed-file …) as they are.
   */
  async read(bytes: Uint8Array, fileName: string, options: ReadPowerListOptions = {}): Promise<ReadPowerList> {
    await this.acquire();
    const session = this.startSession(options.onProgress);
    try {
      const answer = await session.ask({ kind: 'parse', bytes: transferable(bytes), fileName });
      if (answer.kind !== 'result') throw new Error(`power-list parser answered ${answer.kind}`);
      return answer.result;
    } finally {
      session.close();
      this.release();
    }
  }

  /**
   * Parses, checks and diffs the file for an import in a worker thread once a slot is free (the
   * time limit covers all of that), and keeps the worker — and the slot — until the caller has
   * pulled the rows to store and closes the session.
   * @throws as read()
   */
  async analyse(bytes: Uint8Array, fileName: string, options: AnalyseOptions): Promise<AnalysisSession> {
    await this.acquire();
    const session = this.startSession(options.onProgress);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      session.close();
      this.release();
    };
    try {
      if (options.previous !== null) {
        for await (const itemJsons of options.previous.pages) session.post({ kind: 'previous-items', itemJsons });
      }
      const answer = await session.ask({
        kind: 'analyse',
        bytes: options.handOverBytes && ownsItsBuffer(bytes) ? bytes : transferable(bytes),
        fileName,
        registry: options.registry,
        previousTitle: options.previous?.title ?? null,
      });
      if (answer.kind !== 'analysed') throw new Error(`power-list parser answered ${answer.kind}`);
      session.stopClock();
      return {
        summary: answer.summary,
        nextRows: async (count) => {
          const rows = await session.ask({ kind: 'rows', count });
          if (rows.kind !== 'rows') throw new Error(`power-list parser answered ${rows.kind}`);
          return rows.rows;
        },
        findings: async () => {
          const findings = await session.ask({ kind: 'findings' });
          if (findings.kind !== 'findings') throw new Error(`power-list parser answered ${findings.kind}`);
          return { parts: findings.parts, lintJson: findings.lintJson };
        },
        close,
      };
    } catch (error) {
      close();
      throw error;
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limits.maxConcurrent) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.maxQueued) {
      return Promise.reject(new DomainError(ERROR_CODES.rateLimited, '正在处理的导入文件过多，请稍后再试。'));
    }
    // The slot is handed over by release(): `active` stays counted for the waiter.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** A worker with its time limit running; answers come back one per ask(). */
  private startSession(onProgress: ReadPowerListOptions['onProgress']) {
    const worker = startWorker(this.limits.maxHeapMb);
    let waiter: { resolve: (message: ParseMessage) => void; reject: (error: unknown) => void } | null = null;
    let failure: unknown = null;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      void worker.terminate();
    };
    const fail = (error: unknown) => {
      if (failure !== null || ended) return;
      failure = error;
      end();
      const w = waiter;
      waiter = null;
      w?.reject(error);
    };
    const timer = setTimeout(() => {
      fail(
        new DomainError(
          ERROR_CODES.tooLarge,
          `文件解析超过 ${Math.round(this.limits.timeoutMs / 1000)} 秒仍未完成，已中止：请检查文件是否含有异常复杂的内容（如层层嵌套的格式），或拆分后再导入。`,
        ),
      );
    }, this.limits.timeoutMs);
    worker.on('message', (message: ParseMessage) => {
      if (message.kind === 'progress') onProgress?.(message.done, message.total);
      else if (message.kind === 'domain-error') {
        fail(
          new DomainError(message.code, message.message, {
            ...(message.location ? { location: message.location } : {}),
            issues: message.issues,
          }),
        );
      } else if (message.kind === 'error') fail(new Error(`power-list parser failed: ${message.message}`));
      else {
        const w = waiter;
        waiter = null;
        w?.resolve(message);
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      fail(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new DomainError(ERROR_CODES.tooLarge, `文件解析所需内存超过 ${this.limits.maxHeapMb} MB，已中止：请拆分文件后再导入。`)
          : error,
      );
    });
    worker.on('exit', (code) => fail(new Error(`power-list parser exited (${code}) without an answer`)));
    return {
      post(message: WorkerRequest): void {
        if (failure === null && !ended) worker.postMessage(message);
      },
      ask(message: WorkerRequest): Promise<ParseMessage> {
        if (failure !== null) return Promise.reject(failure);
        if (ended) return Promise.reject(new Error('power-list parser already closed'));
        return new Promise((resolve, reject) => {
          waiter = { resolve, reject };
          const transfer = 'bytes' in message ? [message.bytes.buffer as ArrayBuffer] : [];
          worker.postMessage(message, transfer);
        });
      },
      stopClock(): void {
        clearTimeout(timer);
      },
      close: end,
    };
  }
}

/**
 * A copy of the bytes that may be transferred to the worker, so that the caller keeps its own (for
 * the file's checksum). (new Uint8Array copies; Buffer#slice would share — and detach — Node's pool.)
 */
function transferable(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

function ownsItsBuffer(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

export interface AnalyseOptions extends ReadPowerListOptions {
  /** check citations against this registry as of this date; null: the linter alone */
  registry: { registry: TLegalRegistry; asOf: string } | null;
  /**
   * the caller will not read the bytes again: they move to the worker (transferred, and unusable
   * here after) instead of being copied — one copy of a 30 MB file less while it is parsed
   */
  handOverBytes?: boolean;
  /** the version to diff against: its title and its items as stored, in pages; null: none */
  previous: { title: string; pages: AsyncIterable<string[]> } | null;
}

/** An analysed list whose worker waits for its rows to be pulled; close() ends it (always call it). */
export interface AnalysisSession {
  summary: AnalysisSummary;
  /** the next `count` rows in list order; fewer (or none) at the end */
  nextRows(count: number): Promise<AnalysedItemRow[]>;
  /**
   * Every finding (the linter's and the registry's), as a JSON array in UTF-8 bytes, in parts, and
   * as JSON text the linter's about no item of the list (what the version row keeps); once. Asked for after the rows, their text is made in the
   * memory the list's items held.
   */
  findings(): Promise<{ parts: Uint8Array[]; lintJson: string }>;
  close(): void;
}

/** The installation's parser: one queue for every import of the process. */
export const defaultParser = new IsolatedParser();
