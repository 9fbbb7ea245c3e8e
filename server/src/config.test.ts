import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { StartupError } from './startup-error.js';

describe('configuration of inbound e-mail and job leases', () => {
  it('keeps the SMTP listener off unless a port is given, on 127.0.0.1 by default', () => {
    expect(readConfig({})).toMatchObject({
      smtpListenPort: undefined,
      smtpListenHost: '127.0.0.1',
      jobLeaseMs: 60_000,
    });
    expect(
      readConfig({ SMTP_LISTEN_PORT: '2525', SMTP_LISTEN_HOST: '0.0.0.0', JOB_LEASE_MS: '5000' }),
    ).toMatchObject({ smtpListenPort: 2525, smtpListenHost: '0.0.0.0', jobLeaseMs: 5000 });
  });

  it('refuses a port that is not one', () => {
    expect(() => readConfig({ SMTP_LISTEN_PORT: '70000' })).toThrow(StartupError);
    expect(() => readConfig({ SMTP_LISTEN_PORT: 'smtp' })).toThrow(/SMTP_LISTEN_PORT/);
  });
});
