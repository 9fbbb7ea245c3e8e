import type { DefinitionSummary } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

/** The published lines a template can be offered on (a desk has a handful; the first hundred are plenty). */
export function usePublishedLines(): { lines: DefinitionSummary[] | null; failed: boolean } {
  const [state, setState] = useState<{ lines: DefinitionSummary[] | null; failed: boolean }>({
    lines: null,
    failed: false,
  });
  useEffect(() => {
    let live = true;
    client.listDefinitions({ kind: 'line', status: 'published', sort: 'name', limit: 100 }).then(
      (page) => live && setState({ lines: page.items, failed: false }),
      () => live && setState({ lines: [], failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
