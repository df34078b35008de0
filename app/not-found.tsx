import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PageShell } from "@/components/ui/PageShell";
import { touchLinkClass } from "@/components/ui/styles";
import { en } from "@/lib/i18n";

export const metadata: Metadata = { title: en.notFound.title };

/** Rendered per request (not prerendered) so its scripts carry the CSP nonce like every other page. */
export default async function NotFound() {
  await connection();
  return (
    <PageShell title={en.notFound.title} intro={<p>{en.notFound.body}</p>}>
      <p>
        <Link href="/" className={touchLinkClass}>
          {en.notFound.home}
        </Link>
      </p>
    </PageShell>
  );
}
