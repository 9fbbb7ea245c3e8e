import { describe, expect, it } from 'vitest';
import { advanceDelivery, type DeliveryState } from './message.js';

describe('advanceDelivery', () => {
  const after = (...reports: DeliveryState[]) => reports.reduce(advanceDelivery, 'queued' as DeliveryState);

  it('moves forward through sent, delivered and read', () => {
    expect(after('sent')).toBe('sent');
    expect(after('sent', 'delivered', 'read')).toBe('read');
  });

  it('never moves back when reports arrive late or twice', () => {
    expect(after('read', 'delivered')).toBe('read');
    expect(after('delivered', 'sent', 'sent')).toBe('delivered');
  });

  it('fails only what was not delivered yet', () => {
    expect(after('sent', 'failed')).toBe('failed');
    expect(after('delivered', 'failed')).toBe('delivered');
  });

  it('starts over when a failed message is sent again', () => {
    expect(after('failed', 'queued')).toBe('queued');
    expect(after('failed', 'sent')).toBe('sent');
  });
});
