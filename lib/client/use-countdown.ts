"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Seconds left until a deadline, ticking down to 0. Based on the wall clock (not on counting
 * ticks) so a throttled background tab still shows the right number when it comes back.
 */
export function useCountdown(initialSeconds = 0) {
  const [remaining, setRemaining] = useState(initialSeconds);
  const deadline = useRef<number | null>(null);

  useEffect(() => {
    if (remaining <= 0) return;
    deadline.current ??= Date.now() + remaining * 1000;
    const id = window.setInterval(() => {
      const left = Math.max(0, Math.ceil(((deadline.current ?? 0) - Date.now()) / 1000));
      setRemaining(left);
      if (left === 0) {
        deadline.current = null;
        window.clearInterval(id);
      }
    }, 250);
    return () => window.clearInterval(id);
  }, [remaining]);

  const start = useCallback((seconds: number) => {
    const s = Math.max(0, Math.ceil(seconds));
    deadline.current = s > 0 ? Date.now() + s * 1000 : null;
    setRemaining(s);
  }, []);

  return { remaining, start };
}
