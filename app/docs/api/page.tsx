import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { apiDocument } from "@/app/api/contracts";
import { ApiReference } from "@/components/docs/ApiReference";
import { PageShell } from "@/components/ui/PageShell";
import { config } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

/** /docs/api: the API reference, rendered from the same document GET /api/openapi.json serves. */
export default async function ApiDocsPage() {
  // Rendered per request: the CSP nonce needs it, and the document names this deployment's APP_URL.
  await connection();
  const t = await getTranslations("apiDocs");
  return (
    <PageShell title={t("title")} intro={<p>{t("intro")}</p>} width="3xl">
      <ApiReference document={apiDocument()} documentUrl={`${config().APP_URL}/api/openapi.json`} />
    </PageShell>
  );
}
