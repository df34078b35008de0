import { redirect } from "next/navigation";
import { requireAdminPage } from "@/lib/admin/page";

/** /admin is the users list; non-admins get the not-found page first, like every admin page. */
export default async function AdminIndex() {
  await requireAdminPage("/admin");
  redirect("/admin/users");
}
