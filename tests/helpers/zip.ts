import { type Entry, fromBuffer, type ZipFile } from "yauzl";

/**
 * Reading a zip back with a reader that is not ours (yauzl), entry by entry in the archive's order:
 * the export's tests and the zip writer's own. Sizes are checked against the central directory.
 */
export type ZipEntry = { name: string; data: Buffer; stored: boolean; crc32: number; unixTime?: number };

export async function readZip(bytes: Buffer): Promise<ZipEntry[]> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, z) => (err ? reject(err) : resolve(z))),
  );
  const out: ZipEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", resolve);
    zip.on("entry", (entry: Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const parts: Buffer[] = [];
        stream.on("data", (c: Buffer) => parts.push(c));
        stream.on("error", reject);
        stream.on("end", () => {
          // The "extended timestamp" extra field (0x5455): a flags byte, then the modification time.
          const time = entry.extraFields.find((f) => f.id === 0x5455)?.data;
          out.push({ name: entry.fileName, data: Buffer.concat(parts), stored: entry.compressionMethod === 0, crc32: entry.crc32, unixTime: time?.readUInt32LE(1) });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return out;
}
