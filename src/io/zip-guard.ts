/**
 * Checks an uploaded zip (an .xlsx) before anything else unpacks it: a zip bomb is refused whatever
 * its headers say. The sizes in a zip's directory are the archive's own claims — a crafted file
 * declares a few kilobytes and inflates to gigabytes — so every entry is inflated here, in small
 * steps, its output counted and thrown away, and the check stops at the limit. Memory stays at one
 * step's output; time at inflating at most the limit.
 */
import { Inflate } from 'fflate';
import { DomainError, ERROR_CODES, malformedFile } from '../domain/errors.js';

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

/**
 * Compressed bytes pushed to the inflater at a time. DEFLATE expands at most about 1,032 times, so
 * one step never produces more than about 1 MB, however the entry was crafted.
 */
const INFLATE_STEP = 1024;

/** One entry as the central directory describes it. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

function notXlsx(): DomainError {
  return malformedFile('该文件不是 Excel 工作簿（.xlsx）：文件内容不是 zip 格式。如为旧版 .xls 文件，请在 Excel 中另存为 .xlsx。');
}

function damaged(detail: string): DomainError {
  return malformedFile(`Excel 文件已损坏：${detail}`);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

function tooLarge(limit: number): DomainError {
  return new DomainError(ERROR_CODES.tooLarge, `Excel 文件解压后超过 ${formatMegabytes(limit)}，无法导入。`);
}

/** The entries of the central directory; throws for what is not a readable zip. */
function readDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22 || view.getUint32(0, true) !== ZIP_LOCAL_HEADER) throw notXlsx();
  // the end-of-directory record sits in the last 22 bytes plus at most a 64 KiB comment
  let end = -1;
  for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - 22 - 0xffff); offset -= 1) {
    if (view.getUint32(offset, true) === ZIP_END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw notXlsx();

  const entryCount = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== ZIP_CENTRAL_HEADER) throw damaged('zip 目录不完整。');
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, Math.min(bytes.byteLength, offset + 46 + nameLength))),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== ZIP_LOCAL_HEADER) throw damaged(`找不到“${entry.name}”的数据。`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  // A compressed size past the end of the file: inflate what there is — the counting is what matters.
  return bytes.subarray(Math.min(start, bytes.byteLength), Math.min(start + entry.compressedSize, bytes.byteLength));
}

/**
 * Refuse what is not a zip, a ZIP64 or otherwise unusual archive, and a zip that unpacks to more
 * than `maxUnpackedBytes` in total — first by the sizes it declares (cheap, catches honest bombs),
 * then by the bytes its entries really inflate to (catches a bomb that understates its sizes).
 */
export function checkZipIsSafe(bytes: Uint8Array, maxUnpackedBytes: number): void {
  const entries = readDirectory(bytes);
  let declared = 0;
  for (const entry of entries) {
    // 0xFFFFFFFF means a ZIP64 size: far beyond anything a power list needs
    declared += entry.declaredSize === 0xffffffff || entry.compressedSize === 0xffffffff ? Number.POSITIVE_INFINITY : entry.declaredSize;
  }
  if (declared > maxUnpackedBytes) throw tooLarge(maxUnpackedBytes);

  let inflated = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (entry.method === METHOD_STORED) {
      inflated += data.byteLength;
    } else if (entry.method === METHOD_DEFLATE) {
      inflated = inflateCounting(data, inflated, maxUnpackedBytes);
    } else {
      throw damaged(`“${entry.name}”使用了不支持的压缩方式（${entry.method}）。`);
    }
    if (inflated > maxUnpackedBytes) throw tooLarge(maxUnpackedBytes);
  }
}

/** Inflate `data` step by step, adding its output to `countSoFar`; stops as soon as the limit is passed. */
function inflateCounting(data: Uint8Array, countSoFar: number, limit: number): number {
  let count = countSoFar;
  const inflater = new Inflate((chunk) => {
    count += chunk.byteLength;
  });
  try {
    for (let offset = 0; offset < data.byteLength && count <= limit; offset += INFLATE_STEP) {
      const end = Math.min(offset + INFLATE_STEP, data.byteLength);
      inflater.push(data.subarray(offset, end), end === data.byteLength);
    }
  } catch (error) {
    throw new DomainError(ERROR_CODES.malformedFile, 'Excel 文件已损坏：压缩数据无法解开。', { cause: error });
  }
  return count;
}
