import { describe, expect, it } from "vitest";
import { detectType } from "@/lib/records/detect";
import { requestedRange } from "@/lib/records/download";
import { attachmentDisposition, defaultTitle, downloadName, sanitizeFilename } from "@/lib/records/filename";

describe("detectType: the first bytes decide", () => {
  it("recognises PDF, JPEG and PNG signatures and nothing else", () => {
    expect(detectType(Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(detectType(Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toBe("image/jpeg");
    expect(detectType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    for (const bad of ["%PDF", " %PDF-1.4", "<html>", "<?xml version='1.0'?><svg/>", "GIF89a", "PK\u0003\u0004"]) {
      expect(detectType(Buffer.from(bad)), bad).toBeNull();
    }
    expect(detectType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toBeNull(); // PNG needs all 8 bytes
    expect(detectType(Buffer.alloc(0))).toBeNull();
  });
});

describe("filenames are display text", () => {
  it("keeps only the last path segment, without control or bidi-override characters", () => {
    expect(sanitizeFilename("C:\\Users\\me\\scan.pdf")).toBe("scan.pdf");
    expect(sanitizeFilename("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFilename("\u202Efdp.exe")).toBe("fdp.exe");
    expect(sanitizeFilename("a\u0000b\u0007c\u007f.pdf")).toBe("abc.pdf");
    expect(sanitizeFilename("  many   spaces .pdf ")).toBe("many spaces .pdf");
    expect(sanitizeFilename("tab\there.pdf")).toBe("tabhere.pdf");
    expect(sanitizeFilename("..")).toBe("");
    expect(sanitizeFilename(undefined)).toBe("");
    expect(sanitizeFilename("cafe\u0301.pdf")).toBe("café.pdf"); // NFC
  });

  it("shortens long names to 200 code points, keeping the extension", () => {
    const name = sanitizeFilename(`${"ž".repeat(300)}.pdf`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("downloads carry the detected type's extension", () => {
    expect(downloadName("notes.html", "application/pdf")).toBe("notes.html.pdf");
    expect(downloadName("photo.JPEG", "image/jpeg")).toBe("photo.JPEG");
    expect(downloadName("", "image/png")).toBe("record.png");
    expect(defaultTitle("blood test.pdf")).toBe("blood test");
    expect(defaultTitle(".pdf")).toBe(".pdf");
    expect(defaultTitle("")).toBe("Untitled record");
  });

  it("Content-Disposition: attachment with an ASCII fallback and an RFC 8187 filename*", () => {
    expect(attachmentDisposition('tést "1"; x.pdf')).toBe(`attachment; filename="test _1__ x.pdf"; filename*=UTF-8''t%C3%A9st%20%221%22%3B%20x.pdf`);
    expect(attachmentDisposition("تقرير.pdf")).toBe(`attachment; filename="record.pdf"; filename*=UTF-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.pdf`);
    expect(attachmentDisposition("a'(b)*.png")).toContain("filename*=UTF-8''a%27%28b%29%2A.png");
  });
});

describe("Range header", () => {
  const req = (range?: string, ifRange?: string) => ({ range: range ?? null, ifRange: ifRange ?? null });
  it("parses one bytes range and clamps it to the file", () => {
    expect(requestedRange(req(), 1000, '"e"')).toBeNull();
    expect(requestedRange(req("bytes=0-99"), 1000, '"e"')).toEqual({ start: 0, end: 99 });
    expect(requestedRange(req("bytes=900-"), 1000, '"e"')).toEqual({ start: 900, end: 999 });
    expect(requestedRange(req("bytes=-10"), 1000, '"e"')).toEqual({ start: 990, end: 999 });
    expect(requestedRange(req("bytes=-5000"), 1000, '"e"')).toEqual({ start: 0, end: 999 });
    expect(requestedRange(req("bytes=500-5000"), 1000, '"e"')).toEqual({ start: 500, end: 999 });
  });
  it("refuses ranges outside the file and ignores what it does not understand", () => {
    expect(requestedRange(req("bytes=1000-"), 1000, '"e"')).toBe("unsatisfiable");
    expect(requestedRange(req("bytes=-0"), 1000, '"e"')).toBe("unsatisfiable");
    expect(requestedRange(req("bytes=0-1,5-6"), 1000, '"e"')).toBeNull();
    expect(requestedRange(req("items=0-1"), 1000, '"e"')).toBeNull();
    expect(requestedRange(req("bytes=9-3"), 1000, '"e"')).toBeNull();
    expect(requestedRange(req("bytes=0-1", '"other"'), 1000, '"e"')).toBeNull();
    expect(requestedRange(req("bytes=0-1", '"e"'), 1000, '"e"')).toEqual({ start: 0, end: 1 });
  });
});
