import Link from "next/link";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/ui/PageShell";
import { primaryButtonClass, secondaryButtonClass, touchLinkClass } from "@/components/ui/styles";
import { getPageUser } from "@/lib/auth/session/page";
import { en } from "@/lib/i18n";

export default async function Home() {
  if (await getPageUser()) redirect("/dashboard");
  return (
    <PageShell title={en.app.name} intro={<p>{en.home.intro}</p>}>
      <div className="flex flex-col gap-3">
        <Link className={primaryButtonClass} href="/auth/login">
          {en.home.signIn}
        </Link>
        <Link className={secondaryButtonClass} href="/auth/sign-up">
          {en.home.signUp}
        </Link>
        <Link className={`${touchLinkClass} justify-center`} href="/auth/doctor/sign-up">
          {en.home.doctor}
        </Link>
        <Link className={`${touchLinkClass} justify-center`} href="/docs/api">
          {en.home.apiDocs}
        </Link>
      </div>
    </PageShell>
  );
}
