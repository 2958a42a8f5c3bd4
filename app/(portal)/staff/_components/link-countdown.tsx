"use client";

import { useEffect, useState } from "react";

/**
 * Counts down the seconds until a link expires. It receives only the expiry, never the link.
 * Before hydration, and without JavaScript, it shows the server's text.
 */
export function LinkCountdown({ expiresAt, fallback }: { expiresAt: string; fallback: string }) {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  useEffect(() => {
    const end = Date.parse(expiresAt);
    const update = () => setSecondsLeft(Math.max(0, Math.ceil((end - Date.now()) / 1000)));
    update();
    const timer = setInterval(update, 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);

  if (secondsLeft === null) return <>{fallback}</>;
  if (secondsLeft === 0) return <>expired, so reload the page for a new link</>;
  return <>in {secondsLeft === 1 ? "1 second" : `${secondsLeft} seconds`}</>;
}
