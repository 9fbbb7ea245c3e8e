import { useEffect, useState } from 'react';

/** The time now in the server's clock (`skew`), ticking every second: waits and SLA timers count on screen. */
export function useNow(skew: number): number {
  const [now, setNow] = useState(() => Date.now() + skew);
  useEffect(() => {
    setNow(Date.now() + skew);
    const timer = setInterval(() => setNow(Date.now() + skew), 1000);
    return () => clearInterval(timer);
  }, [skew]);
  return now;
}
