import { operatorStore, setStatus } from './operator-store';

/** No keyboard or mouse for this long and an online operator shows «Отошёл»; any activity brings them back. */
export const idleAfterMs = 5 * 60_000;

/**
 * Reports idleness to the server (`auto`, so a status chosen by hand always wins) and activity after it. Returns
 * the function that stops watching.
 */
export function watchIdle(target: Window = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle = false;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (operatorStore.get().profile?.status !== 'online') return;
      idle = true;
      void setStatus('away', true);
    }, idleAfterMs);
  };
  const active = () => {
    if (idle) {
      idle = false;
      void setStatus('online', true);
    }
    arm();
  };
  const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
  for (const name of events) target.addEventListener(name, active, { passive: true });
  arm();
  return () => {
    clearTimeout(timer);
    for (const name of events) target.removeEventListener(name, active);
  };
}
