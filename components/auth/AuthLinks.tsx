import Link from "next/link";
import type { ReactNode } from "react";
import { touchLinkClass } from "@/components/ui/styles";

/** The small navigation under an auth form ("Forgot your password?", "Create an account"…). */
export function AuthLinks({ links }: { links: { href: string; label: string; prefix?: ReactNode }[] }) {
  return (
    <ul className="flex flex-col gap-1 text-start">
      {links.map((l) => (
        <li key={l.href}>
          {l.prefix ? <span className="text-slate-700">{l.prefix} </span> : null}
          <Link href={l.href} className={touchLinkClass}>
            {l.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
