import { useEffect } from 'react';
import { usePath } from '../lib/router';
import { useSession } from '../state/session';
import type { FormModel } from './form-model';
import { portalPrefill } from './portal-prefill';
import { topicOf } from './topic-address';

/**
 * Fills a portal form's empty fields with what the portal knows (the signed-in person's name and e-mail, the topic
 * the address carries), once the session is known. Whatever the person already typed stays.
 */
export function usePortalPrefill(model: FormModel): void {
  const session = useSession();
  const topic = topicOf(usePath());
  const user = session.status === 'signed-in' ? session.user : null;
  const known = session.status !== 'loading';
  useEffect(() => {
    if (!known) return;
    const values = model.store.get().values;
    for (const [key, value] of Object.entries(portalPrefill(model.compiled, user, topic)))
      if (values[key] === undefined || values[key] === null || values[key] === '') model.setValue(key, value);
  }, [model, known, user, topic]);
}
