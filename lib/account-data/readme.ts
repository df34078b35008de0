import "server-only";
import { en, fmt } from "@/lib/i18n";
import type { ExportData } from "./collect";

/** README.txt of the export: what each file is, in the account's language, with links to the FHIR specification. */
export function readmeText(data: ExportData): string {
  const r = en.accountData.readme;
  const e = r.entries;
  const files: [string, string][] = [
    ["README.txt", e.readme],
    ["account.json", e.account],
    ["records.json", e.records],
    ["records/", e.recordsDir],
    ["sharing.json", e.sharing],
    ["access-log.json", e.accessLog],
    ["security-events.json", e.securityEvents],
    ["fhir/bundle.json", e.fhir],
  ];
  return [
    r.title,
    "",
    fmt(r.intro, { email: data.user.email, date: data.exportedAt.toISOString() }),
    "",
    `${r.files}:`,
    ...files.map(([name, what]) => `- ${name}: ${what}`),
    "",
    r.fhirSpec,
    r.times,
    "",
  ].join("\r\n");
}
