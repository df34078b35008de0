import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/ui/PageShell";
import { cardClass, linkClass, touchLinkClass } from "@/components/ui/styles";
import { firstParam, type SearchParams } from "@/lib/client/search-params";
import { listOutbox, outboxIsReadable } from "@/lib/mail/outbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("title"), robots: { index: false } };
}

/**
 * Development helper: the local outbox (SMTP_URL unset), newest first, text parts only (never the
 * HTML part, which would run as markup here). `?to=` narrows it to one recipient. Absent in
 * production and whenever real SMTP is configured.
 */
export default async function MailboxPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  if (!outboxIsReadable()) notFound();
  const to = firstParam((await searchParams).to)?.trim().toLowerCase() || undefined;
  const messages = await listOutbox(50, to);
  const t = await getTranslations("mailbox");

  return (
    <PageShell width="3xl" title={t("title")} intro={<p>{t("intro")}</p>}>
      <p>
        <a href={to ? `/dev/mailbox?to=${encodeURIComponent(to)}` : "/dev/mailbox"} className={touchLinkClass}>
          {t("refresh")}
        </a>
      </p>
      {messages.length === 0 ? <p>{t("empty")}</p> : null}
      <ol className="flex flex-col gap-4">
        {messages.map((msg) => (
          <li key={msg.id}>
            <article className={cardClass} data-testid="mail-message" data-to={msg.to} aria-labelledby={`mail-${msg.id}`}>
              <h2 id={`mail-${msg.id}`} dir="auto" className="text-lg font-semibold break-words">
                {msg.subject}
              </h2>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="text-slate-600">{t("to")}</dt>
                <dd className="break-all" dir="ltr" data-testid="mail-to">
                  {msg.to}
                </dd>
                <dt className="text-slate-600">{t("sent")}</dt>
                <dd dir="ltr">
                  <time dateTime={msg.createdAt.toISOString()}>{msg.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                </dd>
              </dl>
              <pre dir="auto" className="mt-3 whitespace-pre-wrap break-words rounded-md bg-slate-100 p-3 font-mono text-sm" data-testid="mail-text">
                <Linkified text={msg.text} />
              </pre>
            </article>
          </li>
        ))}
      </ol>
    </PageShell>
  );
}

/** Makes http(s) links in the text clickable (React escapes everything else). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"']+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className={`${linkClass} break-all`}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
