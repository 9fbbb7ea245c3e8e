import type { ChannelAdapter, ChannelType } from '@opora/runtime/conversations';
import type { Em } from '../../db/database.js';

/** A configured channel: its adapter and its settings with secrets read. */
export interface ResolvedChannel {
  type: ChannelType;
  // Each adapter takes its own settings type; the directory pairs them, so the send job needs no cast per channel.
  // biome-ignore lint/suspicious/noExplicitAny: settings and raw inbound differ per adapter; paired by the directory
  adapter: ChannelAdapter<any, any>;
  settings: unknown;
}

/**
 * Where the send job finds a conversation's channel by its key. Channel definitions (with their secrets) back it;
 * the widget, which the server delivers to itself, has none: its answers are read by the widget's own connection.
 */
export interface ChannelDirectory {
  /** `em`: read inside the caller's transaction (a job's: the embedded database has one connection). */
  resolve(channelKey: string, em?: Em): Promise<ResolvedChannel | null>;
}

/** Channels whose answers go out through an adapter (and so through the send job). */
export const sentByAdapter = (type: ChannelType) => type !== 'widget';
