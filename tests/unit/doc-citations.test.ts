import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Comments, tests and docs point into the docs as `docs/<FILE>.md "<Heading>"` (several headings may
 * follow, comma-separated, and a heading may wrap onto the next comment line). A citation whose file
 * or heading does not exist sends the reader nowhere, so every one must name a Markdown heading, of
 * any level, with exactly that text. Relative links between the docs (`[…](FILE.md#anchor)`) must
 * land on a heading too.
 */

const ROOTS = ["app", "lib", "components", "scripts", "tests", "docs"];
const ROOT_FILES = ["README.md", "proxy.ts", "next.config.ts", "instrumentation.ts", "eslint.config.mjs", "vitest.config.ts"];
const TEXT = /\.(ts|tsx|mts|mjs|js|md|sql|css)$/;
const SKIP = new Set(["node_modules", "fixtures"]);

/** A wrapped line continues after its comment marker: `//`, ` * `, `--` or `#`. */
const CONTINUATION = /\s*\n\s*(?:\/\/|\*|--|#)?\s*/g;
const QUOTED = String.raw`\\?"([A-Za-z0-9][^"\\]{0,120}?)\\?"`;
const CITATION = new RegExp(String.raw`docs/([A-Z][A-Z_]*\.md)(?:\s*,)?\s*` + QUOTED + String.raw`((?:\s*,\s*` + QUOTED + ")*)", "g");
const MORE = new RegExp(String.raw`,\s*` + QUOTED, "g");

type Citation = { file: string; heading: string; where: string };

/** Every citation in a text, one entry per heading named. */
function citationsIn(text: string, where: string): Citation[] {
  const found: Citation[] = [];
  for (const m of text.matchAll(CITATION)) {
    const line = text.slice(0, m.index).split("\n").length;
    const headings = [m[2]!, ...[...(m[3] ?? "").matchAll(MORE)].map((x) => x[1]!)];
    for (const h of headings) found.push({ file: m[1]!, heading: h.replace(CONTINUATION, " ").trim(), where: `${where}:${line}` });
  }
  return found;
}

/** Markdown headings of any level, outside fenced code blocks, as written (minus the #s). */
function headingsOf(markdown: string): string[] {
  let fenced = false;
  const out: string[] = [];
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** GitHub's anchor for a heading: lower-case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : TEXT.test(name) ? [p] : [];
  });
}

const docs = new Map(
  readdirSync("docs")
    .filter((f) => f.endsWith(".md"))
    .map((f) => [f, headingsOf(readFileSync(path.join("docs", f), "utf8"))]),
);

/** Why a citation does not resolve, or null when it does. */
function problem(c: Citation, known: Map<string, string[]> = docs): string | null {
  const headings = known.get(c.file);
  if (!headings) return `${c.where}: docs/${c.file} does not exist`;
  if (!headings.includes(c.heading)) return `${c.where}: docs/${c.file} has no heading "${c.heading}"`;
  return null;
}

const sources = [...ROOTS.flatMap(filesUnder), ...ROOT_FILES].map((f) => ({ f, text: readFileSync(f, "utf8") }));
const citations = sources.flatMap(({ f, text }) => citationsIn(text, f));

describe("docs citations", () => {
  it("finds the citations in code, tests and docs", () => {
    expect(new Set(citations.map((c) => `${c.file} ${c.heading}`)).size).toBeGreaterThan(40);
  });

  it("names an existing docs file and heading in every citation", () => {
    expect(citations.map((c) => problem(c)).filter(Boolean)).toEqual([]);
  });

  it("lands every relative link between the docs on a heading", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const { f, text } of sources.filter((s) => s.f.endsWith(".md"))) {
      for (const m of text.matchAll(/\]\((?:\.\/|docs\/)?([A-Z][A-Z_]*\.md)#([^)\s]+)\)/g)) {
        checked++;
        const inDocs = f.startsWith("docs") || m[0].includes("docs/");
        const headings = inDocs ? docs.get(m[1]!) : undefined;
        if (!headings?.some((h) => anchorOf(h) === m[2])) broken.push(`${f}: (${m[1]}#${m[2]})`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(broken).toEqual([]);
  });

  it("reads the forms citations take, and refuses a heading that is not there", () => {
    const cite = (file: string, rest: string) => `see docs/${file}.md ${rest}`;
    const known = new Map([["RULES.md", ["Sign-up details", "Errors"]]]);
    const sample = [
      cite("RULES", '"Errors", "Sign-up\n * details".'),
      cite("RULES", '\\"Errors\\"'),
      `readFileSync("docs/${"RULES"}.md", "utf8")`,
      cite("RULES", '"Sign-up detail"'),
      cite("NOPE", '"Errors"'),
    ].join("\n");
    const found = citationsIn(sample, "sample");
    expect(found.map((c) => `${c.file} ${c.heading}`)).toEqual([
      "RULES.md Errors",
      "RULES.md Sign-up details",
      "RULES.md Errors",
      "RULES.md Sign-up detail",
      "NOPE.md Errors",
    ]);
    expect(found.map((c) => problem(c, known))).toEqual([
      null,
      null,
      null,
      'sample:5: docs/RULES.md has no heading "Sign-up detail"',
      "sample:6: docs/NOPE.md does not exist",
    ]);
    expect(headingsOf("# A\n```sh\n# not a heading\n```\n### B (c)")).toEqual(["A", "B (c)"]);
    expect(anchorOf("API: records and sharing")).toBe("api-records-and-sharing");
  });
});
