import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cache, Suspense } from "react";
import { formatDate } from "@/lib/i18n/format";
import { activeShares, latestRecords, recentViews } from "@/lib/records/recent";
import { Block, BlockSkeleton, Empty, itemClass, listClass } from "@/components/dashboard/Block";

// The records block and the "things to do" block both need the count: one query per request.
const latest = cache((patientId: string) => latestRecords(patientId, 5));

/**
 * A patient's home: their newest records, which doctors opened them lately, the shares in force
 * with their end dates, and what is missing (two-step sign-in, a first record). Each block streams
 * in on its own behind a skeleton; their queries run side by side.
 */
export async function PatientHome({ patientId, twoStepOn }: { patientId: string; twoStepOn: boolean }) {
  const t = await getTranslations("dashboard.patient");
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Suspense fallback={null}>
        <Nudges patientId={patientId} twoStepOn={twoStepOn} />
      </Suspense>
      <Suspense fallback={<BlockSkeleton title={t("records")} rows={4} />}>
        <LatestRecords patientId={patientId} />
      </Suspense>
      <Suspense fallback={<BlockSkeleton title={t("shares")} />}>
        <ActiveShares patientId={patientId} />
      </Suspense>
      <Suspense fallback={<BlockSkeleton title={t("views")} />}>
        <RecentViews patientId={patientId} />
      </Suspense>
    </div>
  );
}

async function LatestRecords({ patientId }: { patientId: string }) {
  const [t, categories, locale, { records, total }] = await Promise.all([
    getTranslations("dashboard.patient"),
    getTranslations("records.categories"),
    getLocale(),
    latest(patientId),
  ]);
  return (
    <Block
      id="records"
      title={t("records")}
      intro={total ? t("recordsCount", { count: total }) : undefined}
      link={{ href: "/records", label: t("recordsLink") }}
    >
      {records.length ? (
        <ul className={listClass}>
          {records.map((r) => (
            <li key={r.id} className={itemClass} data-testid="home-record">
              <span className="font-medium break-words">{r.title}</span>
              <span className="text-sm text-slate-700">
                {categories(r.category)} · {formatDate(r.documentDate ?? r.createdAt, locale, { withTime: false, timeZone: "UTC" })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("recordsEmpty")}</Empty>
      )}
    </Block>
  );
}

async function RecentViews({ patientId }: { patientId: string }) {
  const [t, locale, views] = await Promise.all([getTranslations("dashboard.patient"), getLocale(), recentViews(patientId, 5)]);
  const line = (v: (typeof views)[number]) => {
    const title = v.recordTitle ?? t("deletedRecord");
    if (v.action === "list") return t("viewedAll", { doctor: v.doctorName });
    return v.action === "download" ? t("downloaded", { doctor: v.doctorName, title }) : t("viewed", { doctor: v.doctorName, title });
  };
  return (
    <Block id="views" title={t("views")} link={{ href: "/records", label: t("viewsLink") }}>
      {views.length ? (
        <ul className={listClass}>
          {views.map((v, i) => (
            <li key={`${v.at.toISOString()}-${i}`} className={itemClass} data-testid="home-view">
              <span className="break-words">{line(v)}</span>
              <span className="text-sm text-slate-700">{formatDate(v.at, locale, { withTime: false, timeZone: "UTC" })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("viewsEmpty")}</Empty>
      )}
    </Block>
  );
}

async function ActiveShares({ patientId }: { patientId: string }) {
  const [t, locale, shares] = await Promise.all([getTranslations("dashboard.patient"), getLocale(), activeShares(patientId)]);
  return (
    <Block id="shares" title={t("shares")} link={{ href: "/records", label: t("sharesLink") }}>
      {shares.length ? (
        <ul className={listClass}>
          {shares.map((s) => (
            <li key={s.id} className={itemClass} data-testid="home-share">
              <span className="font-medium break-words">
                {s.doctorName} <span className="font-normal text-slate-700">· {s.specialty}</span>
              </span>
              <span className="text-sm text-slate-700">
                {s.expiresAt ? t("shareUntil", { date: formatDate(s.expiresAt, locale, { withTime: false, timeZone: "UTC" }) }) : t("shareOpen")}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("sharesEmpty")}</Empty>
      )}
    </Block>
  );
}

/** Only what is missing; nothing at all when nothing is. */
async function Nudges({ patientId, twoStepOn }: { patientId: string; twoStepOn: boolean }) {
  const [t, { total }] = await Promise.all([getTranslations("dashboard.patient"), latest(patientId)]);
  const items = [
    ...(twoStepOn ? [] : [{ id: "nudge-two-step", text: t("nudgeTwoStep"), href: "/account/two-step", link: t("nudgeTwoStepLink") }]),
    ...(total ? [] : [{ id: "nudge-records", text: t("nudgeRecords"), href: "/records", link: t("nudgeRecordsLink") }]),
  ];
  if (!items.length) return null;
  return (
    <section aria-labelledby="nudges-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 sm:p-6 lg:col-span-2" data-testid="nudges">
      <h2 id="nudges-title" className="text-lg font-semibold">
        {t("nudges")}
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {items.map((n) => (
          <li key={n.id} data-testid={n.id} className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-3">
            <span>{n.text}</span>
            <Link href={n.href} className="inline-flex min-h-11 items-center font-semibold text-amber-950 underline underline-offset-2">
              {n.link}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
