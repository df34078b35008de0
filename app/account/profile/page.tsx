import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountArea } from "@/components/account/AccountArea";
import { ProfileForm } from "@/components/account/ProfileForm";
import { Panel } from "@/components/account/Section";
import { requirePageUser } from "@/lib/auth/session/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("profile.title") };
}

export default async function ProfilePage() {
  const session = await requirePageUser("/account/profile");
  const t = await getTranslations("account");
  return (
    <AccountArea current="profile" session={session} title={t("profile.title")} intro={<p>{t("profile.intro")}</p>}>
      <Panel id="profile">
        <ProfileForm user={session.publicUser} />
      </Panel>
    </AccountArea>
  );
}
