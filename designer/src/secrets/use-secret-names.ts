import type { SecretSummary } from '@opora/sdk';
import { useCallback, useEffect, useState } from 'react';
import { client } from '../lib/api';

/**
 * The names of the stored secrets, for the pickers of a settings form (one request per form, however many pickers),
 * and `reload` for after a secret was created from the form.
 */
export function useSecretNames(): { secrets: SecretSummary[]; reload: () => void } {
  const [secrets, setSecrets] = useState<SecretSummary[]>([]);
  const reload = useCallback(() => {
    // Names only help fill the pickers: without them the admin can still type JSON, so failures stay quiet.
    client.listSecrets().then(
      (r) => setSecrets(r.items),
      () => undefined,
    );
  }, []);
  useEffect(reload, [reload]);
  return { secrets, reload };
}
