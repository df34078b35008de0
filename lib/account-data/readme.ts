import "server-only";
import { translator } from "@/lib/i18n/translate";
import type { ExportData } from "./collect";

/** README.txt of the export: what each file is, in the account's language, with links to the FHIR specification. */
export function readmeText(data: ExportData): string {
  const t = translator(data.user.locale);
  const files = [
    ["README.txt", "readme"],
    ["account.json", "account"],
    ["records.json", "records"],
    ["records/", "recordsDir"],
    ["sharing.json", "sharing"],
    ["access-log.json", "accessLog"],
    ["security-events.json", "securityEvents"],
    ["fhir/bundle.json", "fhir"],
  ] as const;
  return [
    t("accountData.readme.title"),
    "",
    t("accountData.readme.intro", { email: data.user.email, date: data.exportedAt.toISOString() }),
    "",
    `${t("accountData.readme.files")}:`,
    ...files.map(([name, key]) => `- ${name}: ${t(`accountData.readme.entries.${key}`)}`),
    "",
    t("accountData.readme.fhirSpec"),
    t("accountData.readme.times"),
    "",
  ].join("\r\n");
}
