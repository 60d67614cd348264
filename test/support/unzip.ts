import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * Extracts a zip (stored or deflated entries, as serverless-esbuild writes them) into `dir`, so
 * tests read exactly what Lambda would receive, with nothing but Node itself. Returns the names.
 */
export function unzip(zipPath: string, dir: string): string[] {
  const zip = readFileSync(zipPath);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${zipPath}: not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let entry = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw new Error(`${zipPath}: bad central directory`);
    const method = zip.readUInt16LE(entry + 10);
    const size = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const next = entry + 46 + nameLength + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
    const name = zip.toString('utf8', entry + 46, entry + 46 + nameLength);
    const local = zip.readUInt32LE(entry + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    const target = normalize(join(dir, name));
    if (!target.startsWith(normalize(dir))) throw new Error(`${zipPath}: entry escapes the folder: ${name}`);
    if (!name.endsWith('/')) {
      mkdirSync(dirname(target), { recursive: true });
      if (method !== 0 && method !== 8) throw new Error(`${zipPath}: ${name}: compression method ${method}`);
      writeFileSync(target, method === 8 ? inflateRawSync(data) : data);
      names.push(name);
    }
    entry = next;
  }
  return names;
}
