import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export interface ChannelOption {
  key: string;
  name: string;
}

/** The published definitions of a kind a line can name (one request per form; quiet on failure: JSON still works). */
function usePublished(kind: 'channel' | 'bot'): ChannelOption[] {
  const [options, setOptions] = useState<ChannelOption[]>([]);
  useEffect(() => {
    let live = true;
    client.listDefinitions({ kind, status: 'published', sort: 'name', limit: 100 }).then(
      (page) => live && setOptions(page.items.map((d) => ({ key: d.key, name: d.name }))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind]);
  return options;
}

/** The published channels a line can take dialogs from. */
export const usePublishedChannels = (): ChannelOption[] => usePublished('channel');

/** The published bots that can greet a line's dialogs. */
export const usePublishedBots = (): ChannelOption[] => usePublished('bot');
