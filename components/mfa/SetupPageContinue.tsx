import Link from "next/link";
import { primaryButtonClass } from "@/components/ui/styles";
import { useTranslations } from "next-intl";

/** Once a factor exists the dashboard opens again; this is the way there from the set-up page. */
export function SetupPageContinue() {
  const t = useTranslations("mfa.setupPage");
  return (
    <Link href="/dashboard" className={`${primaryButtonClass} self-start`}>
      {t("continue")}
    </Link>
  );
}
