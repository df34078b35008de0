import { IntlMessageFormat } from "intl-messageformat";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { ar } from "@/lib/i18n/ar";
import { en } from "@/lib/i18n/en";
import { latinRuns } from "../e2e/latin-scan";

/**
 * The catalogues as a reader meets them (docs/I18N.md "Catalogues"): Arabic has every English key
 * and no other, every message is valid ICU in both languages, no Arabic message is English left
 * untranslated, and every Arabic plural has Arabic's six forms, each chosen for its counts.
 */
type Tree = { [key: string]: string | string[] | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") return [[path, value] as [string, string]];
    if (Array.isArray(value)) return value.map((v, i) => [`${path}.${i}`, v] as [string, string]);
    return leaves(value, path);
  });
}

const enLeaves = new Map(leaves(en as Tree));
const arLeaves = new Map(leaves(ar as Tree));

/**
 * What may stay Latin in Arabic copy beyond what the page scan allows (tests/e2e/latin-scan.ts):
 * names of formats and standards, and the literal values an API reader must type (true, en, a
 * date pattern). Identifiers (camelCase, header=value, paths) are technical by their shape.
 */
const TECHNICAL = ["IP", "PDF", "PNG", "JPEG", "FHIR", "UTC", "ISO", "UUID", "YYYY-MM-DD", "true", "false", "en", "ar", "Bearer", "Postman", "Content-Type"];
/** The export's README names FHIR's resource types, as they appear in the file it describes. */
const FHIR_NAMES = ["collection", "Patient", "Practitioner", "DocumentReference", "Consent", "AuditEvent"];
const IDENTIFIER = /[a-z][A-Z]|[=/]/;

/** The words of a message outside its ICU syntax (arguments, plural/select keywords), tags and code spans. */
function prose(message: string): string {
  return message
    .replace(/<code>.*?<\/code>|`[^`]*`/g, " ")
    .replace(/\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/g, " }")
    .replace(/\}\s*(=?\w+)\s*\{/g, "} ")
    .replace(/\{\s*\w+\s*(,\s*\w+\s*)?\}/g, " ")
    .replace(/<\/?\w+>/g, " ");
}

describe("message catalogues", () => {
  it("Arabic has exactly the English keys", () => {
    expect([...arLeaves.keys()].filter((k) => !enLeaves.has(k))).toEqual([]);
    expect([...enLeaves.keys()].filter((k) => !arLeaves.has(k))).toEqual([]);
  });

  it("every message is valid ICU in both languages", () => {
    const broken: string[] = [];
    for (const [locale, map] of [["en", enLeaves], ["ar", arLeaves]] as const) {
      for (const [key, message] of map) {
        try {
          new IntlMessageFormat(message, locale, undefined, { ignoreTag: false });
        } catch {
          broken.push(`${locale}:${key}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("no Arabic message is English left untranslated", () => {
    // The page scan's rule (allowed names, addresses, codes) plus the technical words above.
    const english = [...arLeaves].filter(([, message]) =>
      latinRuns(prose(message), [...TECHNICAL, ...FHIR_NAMES]).some((run) => run.split(" ").some((word) => !IDENTIFIER.test(word))),
    );
    expect(english.map(([key]) => key)).toEqual([]);
    // …and it would see one: an English sentence around an argument, and inside a plural.
    expect(latinRuns(prose("Sign in as {name}"), TECHNICAL)).toEqual(["Sign in as"]);
    expect(latinRuns(prose("{count, plural, one {# record} other {# records}}"), TECHNICAL)).toEqual(["record records"]);
  });

  it("every Arabic plural has the six forms, and 0, 1, 2, 3, 11, 100 each land in theirs", () => {
    const translate = createTranslator({ locale: "ar", messages: ar as never }) as unknown as (k: string, v: object) => string;
    const counts = { zero: 0, one: 1, two: 2, few: 3, many: 11, other: 100 } as const;
    const rules = new Intl.PluralRules("ar");
    expect(Object.entries(counts).map(([form, n]) => [form, rules.select(n)])).toEqual(Object.entries(counts).map(([form]) => [form, form]));
    const plurals = [...arLeaves].filter(([, message]) => /\{\s*\w+\s*,\s*plural\s*,/.test(message));
    expect(plurals.length).toBeGreaterThan(10);
    for (const [key, message] of plurals) {
      const ast = new IntlMessageFormat(message, "ar").getAst();
      const plural = ast.find((el) => "options" in el && "pluralType" in el) as { value: string; options: Record<string, unknown> } | undefined;
      expect(Object.keys(plural?.options ?? {}), key).toEqual(expect.arrayContaining(Object.keys(counts)));
      // Each count renders (every other argument gets a stand-in), and renders its own form's words:
      // the form a count picks is the branch the parser put under that form's name.
      const names = [...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!);
      for (const [form, count] of Object.entries(counts)) {
        const values = { ...Object.fromEntries(names.map((n) => [n, "x"])), [plural!.value]: count };
        const only = new IntlMessageFormat([{ ...plural!, options: { other: (plural!.options as Record<string, unknown>)[form] } }] as never, "ar");
        expect(translate(key, values), `${key} with ${count}`).toContain(String(only.format(values)).trim());
      }
    }
  });
});
