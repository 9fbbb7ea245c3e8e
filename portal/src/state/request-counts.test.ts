import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteRequestChanged, requestChangesStore } from './request-counts';

describe('request changes pushed by the server', () => {
  afterEach(() => vi.useRealTimers());

  it('make one refresh for a burst of saves, and another for the next one', () => {
    vi.useFakeTimers();
    const before = requestChangesStore.get();
    for (let i = 0; i < 20; i++) noteRequestChanged();
    expect(requestChangesStore.get()).toBe(before);
    vi.advanceTimersByTime(500);
    expect(requestChangesStore.get()).toBe(before + 1);
    noteRequestChanged();
    vi.advanceTimersByTime(500);
    expect(requestChangesStore.get()).toBe(before + 2);
  });
});
