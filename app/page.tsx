import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/ui/PageShell";
import { primaryButtonClass, secondaryButtonClass, touchLinkClass } from "@/components/ui/styles";
import { getPageUser } from "@/lib/auth/session/page";

export default async function Home() {
  if (await getPageUser()) redirect("/dashboard");
  const t = await getTranslations();
  return (
    <PageShell title={t("app.name")} intro={<p>{t("home.intro")}</p>}>
      <div className="flex flex-col gap-3">
        <Link className={primaryButtonClass} href="/auth/login">
          {t("home.signIn")}
        </Link>
        <Link className={secondaryButtonClass} href="/auth/sign-up">
          {t("home.signUp")}
        </Link>
        <Link className={`${touchLinkClass} justify-center`} href="/auth/doctor/sign-up">
          {t("home.doctor")}
        </Link>
        <Link className={`${touchLinkClass} justify-center`} href="/docs/api">
          {t("home.apiDocs")}
        </Link>
      </div>
    </PageShell>
  );
}
