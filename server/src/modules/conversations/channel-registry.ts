import type { ChannelDirectory, ResolvedChannel } from './channel-directory.js';

/**
 * The channels this server sends through, by key. Channel definitions register here when they are published (and
 * when the server starts); a key nobody registered is an unconfigured channel, and its answers fail with that
 * reason rather than wait forever.
 */
export class ChannelRegistry implements ChannelDirectory {
  private readonly channels = new Map<string, () => Promise<ResolvedChannel | null>>();

  /** `load` reads the settings (and their secrets) when a send needs them, so a changed secret takes effect. */
  register(key: string, load: () => Promise<ResolvedChannel | null>): void {
    this.channels.set(key, load);
  }

  unregister(key: string): void {
    this.channels.delete(key);
  }

  async resolve(channelKey: string): Promise<ResolvedChannel | null> {
    return (await this.channels.get(channelKey)?.()) ?? null;
  }
}
