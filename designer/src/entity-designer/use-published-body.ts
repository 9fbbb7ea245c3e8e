import type { EntityBody } from '@opora/runtime/definitions';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

/**
 * The body of the latest published version: what records were last validated against, so the designer can
 * lock published keys and tell which edits touch existing records. Null before the first publish (and while
 * loading: until then nothing is locked, and the server still checks at publish).
 */
export function usePublishedBody(definitionId: string, version: number | null): EntityBody | null {
  const [body, setBody] = useState<EntityBody | null>(null);
  useEffect(() => {
    if (version === null) {
      setBody(null);
      return;
    }
    let current = true;
    client.getVersion(definitionId, version).then(
      (v) => current && setBody(v.body as EntityBody),
      // Without it the designer only loses its hints; publishing checks the same things on the server.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [definitionId, version]);
  return body;
}
