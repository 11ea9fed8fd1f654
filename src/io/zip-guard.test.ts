/**
 * A zip bomb that understates its sizes (issue 9): the directory of a crafted .xlsx declares a few
 * hundred bytes per entry while the entries inflate to more than the limit. The guard counts the
 * bytes it really inflates and stops at the limit, whatever the archive declares.
 */
import { Deflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { readPowerListXlsx, writePowerListXlsx } from './power-list-xlsx.js';
import { checkZipIsSafe } from './zip-guard.js';

/** Raw DEFLATE data of `megabytes` MB of zeros, pushed 1 MB at a time (a few KB in all). */
function deflatedZeros(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflater = new Deflate({ level: 1 }, (chunk) => {
    chunks.push(chunk);
  });
  const megabyte = new Uint8Array(1024 * 1024);
  for (let index = 0; index < megabytes; index += 1) deflater.push(megabyte, index === megabytes - 1);
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A zip of one deflated entry whose headers declare `declaredSize` bytes, as a crafted file would. */
function lyingZip(name: string, data: Uint8Array, declaredSize: number): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true); // deflate
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, declaredSize, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, declaredSize, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  const zip = new Uint8Array(local.length + data.length + central.length + end.length);
  zip.set(local, 0);
  zip.set(data, local.length);
  zip.set(central, local.length + data.length);
  zip.set(end, local.length + data.length + central.length);
  return zip;
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('checkZipIsSafe', () => {
  it('refuses an entry that inflates past the limit although it declares 500 bytes', () => {
    const zip = lyingZip('xl/worksheets/sheet1.xml', deflatedZeros(3), 500);
    expect(zip.length).toBeLessThan(20_000);
    const error = refusal(() => checkZipIsSafe(zip, 2 * 1024 * 1024));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('Excel 文件解压后超过 2 MB，无法导入。');
    // the same archive under a limit it keeps to passes
    expect(() => checkZipIsSafe(zip, 4 * 1024 * 1024)).not.toThrow();
  });

  it('passes the workbooks we write, and refuses an entry of an unknown compression method', async () => {
    const bytes = new Uint8Array(await writePowerListXlsx({ title: 't', items: [] }));
    expect(() => checkZipIsSafe(bytes, 1024 * 1024)).not.toThrow();
    const odd = lyingZip('a.xml', new Uint8Array([1, 2, 3]), 3);
    new DataView(odd.buffer).setUint16(odd.length - 22 - 46 - 5 + 10, 12, true); // central directory: method 12 (bzip2)
    expect(refusal(() => checkZipIsSafe(odd, 1024)).message).toContain('不支持的压缩方式（12）');
  });

  it('refuses a 110 MB bomb that declares 500 bytes through readPowerListXlsx, before exceljs inflates anything', async () => {
    const zip = lyingZip('xl/worksheets/sheet1.xml', deflatedZeros(110), 500);
    await expect(readPowerListXlsx(zip)).rejects.toMatchObject({ code: 'too-large', message: 'Excel 文件解压后超过 100 MB，无法导入。' });
  });
});
