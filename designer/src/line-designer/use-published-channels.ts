import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export interface ChannelOption {
  key: string;
  name: string;
}

/** The published channels a line can take dialogs from (one request per form; quiet on failure: JSON still works). */
export function usePublishedChannels(): ChannelOption[] {
  const [channels, setChannels] = useState<ChannelOption[]>([]);
  useEffect(() => {
    let live = true;
    client.listDefinitions({ kind: 'channel', status: 'published', sort: 'name', limit: 100 }).then(
      (page) => live && setChannels(page.items.map((d) => ({ key: d.key, name: d.name }))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return channels;
}
