import Link from "next/link";
import { primaryButtonClass } from "@/components/ui/styles";
import { en } from "@/lib/i18n";

/** Once a factor exists the dashboard opens again; this is the way there from the set-up page. */
export function SetupPageContinue() {
  return (
    <Link href="/dashboard" className={`${primaryButtonClass} self-start`}>
      {en.mfa.setupPage.continue}
    </Link>
  );
}
