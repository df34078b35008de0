import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Arabic pages are mirrored by the browser only if layout never says "left" or "right": Tailwind's
 * physical utilities would stay put in right-to-left text (docs/I18N.md "Writing a page").
 */
const PHYSICAL = /(?<![\w-])-?(?:[a-z]+:)*(?:m[lr]|p[lr]|left|right|text-(?:left|right)|float-(?:left|right)|border-[lr]|rounded-[lr]|rounded-[tb][lr]|scroll-[mp][lr]|space-x-reverse|inset-[lr])(?:-[\w./[\]]+)?(?![\w-])/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The class lists of a file: className="…", className={`…`} and and constants named …Class (components/ui/styles.ts). */
function classLists(text: string): string[] {
  const lists: string[] = [];
  for (const m of text.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\})/g)) lists.push(m[1] ?? m[2] ?? "");
  for (const m of text.matchAll(/\b\w+Class\s*=\s*(?:"([^"]*)"|`([^`]*)`)/g)) lists.push(m[1] ?? m[2] ?? "");
  return lists;
}

describe("layout is written with logical utilities only", () => {
  it("finds no left/right utility in any page or component", () => {
    const found = ["app", "components"].flatMap((dir) =>
      sources(dir).flatMap((file) =>
        classLists(readFileSync(file, "utf8")).flatMap((list) =>
          list.split(/\s+/).filter((cls) => PHYSICAL.test(cls)).map((cls) => `${file}: ${cls}`),
        ),
      ),
    );
    expect(found).toEqual([]);
  });

  it("would catch one", () => {
    const offenders = classLists('<div className="flex ml-2 sm:pr-4 text-right ms-2" />')
      .flatMap((l) => l.split(/\s+/))
      .filter((c) => PHYSICAL.test(c));
    expect(offenders).toEqual(["ml-2", "sm:pr-4", "text-right"]);
  });
});
