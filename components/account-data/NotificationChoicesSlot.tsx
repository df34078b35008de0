/**
 * The place on /account/data where a person chooses their optional emails (recordViewed,
 * grantExpiring: GET/PATCH /api/users/me/notifications). The notification preferences work replaces
 * this component's body with its form; the section around it, its id ("notifications") and its
 * heading stay, so links to /account/data#notifications keep working.
 */
import { en } from "@/lib/i18n";

export function NotificationChoicesSlot() {
  return (
    <div data-testid="notification-choices-slot" className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-700">
      {en.accountData.notifications.pending}
    </div>
  );
}
