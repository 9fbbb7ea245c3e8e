import { createStore } from '../../lib/store';

const muteKey = 'opora.operator.muted';

function readMuted(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(muteKey) === '1';
  } catch {
    return false;
  }
}

/** Whether the window keeps quiet; remembered in the browser. */
export const mutedStore = createStore<boolean>(readMuted());

export function setMuted(muted: boolean): void {
  mutedStore.set(muted);
  try {
    localStorage.setItem(muteKey, muted ? '1' : '0');
  } catch {
    // Not remembered, but still quiet for now.
  }
}

/** A burst of messages is one sound, not a rattle. */
export const beepGapMs = 1500;
let lastAt = -Infinity;
let context: AudioContext | null = null;

/**
 * A short two-note chime made on the spot with WebAudio (no sound file to ship or to fetch). Browsers allow sound
 * only after the user has interacted with the page; before that it silently does nothing.
 */
export function beep(now = Date.now()): boolean {
  if (mutedStore.get() || now - lastAt < beepGapMs) return false;
  const Context = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!Context) return false;
  lastAt = now;
  try {
    context ??= new Context();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    const start = ctx.currentTime;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
    for (const [frequency, at] of [
      [880, 0],
      [1320, 0.12],
    ] as const) {
      const tone = ctx.createOscillator();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(start + at);
      tone.stop(start + at + 0.2);
    }
    return true;
  } catch {
    return false;
  }
}
