"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";

/**
 * Navigation after the session changed (signed in, signed out, all sessions ended): go to the
 * page and drop the client router cache, so nothing rendered for the previous session is reused.
 */
export function useAuthNavigation() {
  const router = useRouter();
  return useCallback(
    (path: string) => {
      router.replace(path);
      router.refresh();
    },
    [router],
  );
}
