import Link from "next/link";
import { redirect } from "next/navigation";
import { getPageSession } from "@/lib/auth/page-session";

export default async function Home() {
  if (await getPageSession()) redirect("/dashboard");
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-4 py-16">
      <h1 className="text-3xl font-bold text-brand">CareGate</h1>
      <p>Your health portal account: sign in to see your records and appointments.</p>
      <div className="flex flex-col gap-3">
        <Link className="rounded-md bg-brand px-4 py-3 text-center font-semibold text-white" href="/auth/login">Sign in</Link>
        <Link className="rounded-md border border-brand px-4 py-3 text-center font-semibold text-brand" href="/auth/sign-up">Create a patient account</Link>
        <Link className="text-center text-brand underline" href="/auth/doctor/sign-up">I am a doctor</Link>
      </div>
    </main>
  );
}
