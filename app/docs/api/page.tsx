import type { Metadata } from "next";
import { connection } from "next/server";
import { apiDocument } from "@/app/api/contracts";
import { ApiReference } from "@/components/docs/ApiReference";
import { PageShell } from "@/components/ui/PageShell";
import { config } from "@/lib/config";
import { en } from "@/lib/i18n";

export const metadata: Metadata = { title: en.apiDocs.title };

/** /docs/api: the API reference, rendered from the same document GET /api/openapi.json serves. */
export default async function ApiDocsPage() {
  // Rendered per request: the CSP nonce needs it, and the document names this deployment's APP_URL.
  await connection();
  return (
    <PageShell title={en.apiDocs.title} intro={<p>{en.apiDocs.intro}</p>} width="3xl">
      <ApiReference document={apiDocument()} documentUrl={`${config().APP_URL}/api/openapi.json`} />
    </PageShell>
  );
}
