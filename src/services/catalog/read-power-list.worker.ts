/**
 * The worker thread that parses an uploaded power-list file (see read-power-list-isolated.ts): the
 * parsing of a hostile file — deeply nested HTML, a huge shared-string table — runs here, away from
 * the event loop that serves every other request, under a memory limit and a time limit.
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../domain/errors.js';
import { readPowerListFile } from '../../io/read-power-list-file.js';

/** What the parent sends: the file's bytes (transferred) and name. */
export interface ParseRequest {
  bytes: Uint8Array;
  fileName: string;
}

/** What the worker answers: progress, then the list or the error. */
export type ParseMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'result'; result: Awaited<ReturnType<typeof readPowerListFile>> }
  | { kind: 'domain-error'; code: DomainError['code']; message: string; location: DomainError['location']; issues: DomainError['issues'] }
  | { kind: 'error'; message: string };

const port = parentPort;
if (port === null) throw new Error('read-power-list.worker must run as a worker thread');

port.once('message', async (request: ParseRequest) => {
  const post = (message: ParseMessage) => port.postMessage(message);
  try {
    const result = await readPowerListFile(request.bytes, request.fileName, {
      onProgress: (done, total) => post({ kind: 'progress', done, total }),
    });
    post({ kind: 'result', result });
  } catch (error) {
    if (error instanceof DomainError) {
      post({ kind: 'domain-error', code: error.code, message: error.message, location: error.location, issues: error.issues });
    } else {
      post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }
});
