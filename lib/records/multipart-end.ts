import "server-only";

/**
 * Finds where a multipart body ends: its close delimiter, CRLF "--" boundary "--" (RFC 2046 §5.1.1;
 * just "--" boundary "--" at the very start of a form with no parts). Whatever a client sends after
 * it is an epilogue nobody reads, so the upload stops pulling the body there: otherwise a client
 * could keep a finished upload's request busy with junk until the time-out. The boundary never
 * occurs inside the parts, so the first match is the end.
 */
export class CloseDelimiterScanner {
  private readonly delimiter: Buffer;
  private carry = Buffer.alloc(0);
  private seen = 0;

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}--`, "latin1");
  }

  /** The number of bytes of `chunk` up to and including the close delimiter, or -1 when it is not in it yet. */
  end(chunk: Uint8Array): number {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.seen === 0) {
      const bare = this.delimiter.subarray(2);
      if (bytes.byteLength >= bare.byteLength && bytes.subarray(0, bare.byteLength).equals(bare)) return bare.byteLength;
    }
    this.seen += bytes.byteLength;
    const window = Buffer.concat([this.carry, bytes]);
    const at = window.indexOf(this.delimiter);
    if (at >= 0) return at + this.delimiter.byteLength - this.carry.byteLength;
    this.carry = window.subarray(Math.max(0, window.byteLength - (this.delimiter.byteLength - 1)));
    return -1;
  }
}

/** The boundary parameter of a multipart Content-Type, or null. */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s"]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}
