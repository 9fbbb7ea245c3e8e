import type { TemplateValues } from '@opora/runtime/templates';
import { useEffect } from 'react';
import { localText } from '../../../lib/local-text';
import { loadSite, usePortal } from '../../../site/state/site-store';
import { useSession } from '../../../state/session';
import { useThread } from '../state/thread-context';

/** What a template's variables take in the open dialog: the client as the channel names them, the signed-in operator, the portal's name. */
export function useTemplateValues(locale: 'ru' | 'en'): TemplateValues {
  const { contact } = useThread();
  const session = useSession();
  const portal = usePortal();
  useEffect(() => {
    void loadSite();
  }, []);
  return {
    clientName: contact?.displayName ?? null,
    operatorName: session.status === 'signed-in' ? session.user.name : null,
    companyName: portal ? localText(portal.name, locale) : null,
  };
}
