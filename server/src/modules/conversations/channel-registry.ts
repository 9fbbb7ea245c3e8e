import type { Em } from '../../db/database.js';
import type { ChannelDirectory, ResolvedChannel } from './channel-directory.js';

/**
 * The channels this server sends through, by key: the published channel definitions, and channels registered in
 * code (a test's channel pointed at a fake server). A key neither knows is an unconfigured channel, and its answers
 * fail with that reason rather than wait forever.
 */
export class ChannelRegistry implements ChannelDirectory {
  private readonly channels = new Map<string, (em?: Em) => Promise<ResolvedChannel | null>>();

  /** `published`: where keys nobody registered are looked up (the published channel definitions). */
  constructor(private readonly published?: ChannelDirectory) {}

  /**
   * `load` reads the settings (and their secrets) when a send needs them, so a changed secret takes effect; `em`
   * is the sending job's transaction, for loads that read the database.
   */
  register(key: string, load: (em?: Em) => Promise<ResolvedChannel | null>): void {
    this.channels.set(key, load);
  }

  unregister(key: string): void {
    this.channels.delete(key);
  }

  async resolve(channelKey: string, em?: Em): Promise<ResolvedChannel | null> {
    const registered = this.channels.get(channelKey);
    if (registered) return registered(em);
    return (await this.published?.resolve(channelKey, em)) ?? null;
  }
}
