import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export interface FormChoice {
  key: string;
  name: string;
  /** Forms made for the portal are the ones a contact leaf should open; others are offered after them. */
  portal: boolean;
}

export type FormsState =
  | { status: 'loading' }
  | { status: 'ready'; forms: FormChoice[] }
  | { status: 'failed'; error: unknown };

/** Published forms with their purpose (read from each one's published body), portal forms first. */
export function usePublishedForms(): FormsState {
  const [state, setState] = useState<FormsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const load = async () => {
      const page = await client.listDefinitions({
        kind: 'form',
        status: 'published',
        limit: 100,
        sort: 'name',
      });
      const forms = await Promise.all(
        page.items.map(async (d) => {
          const published = await client.getPublished('form', d.key).catch(() => null);
          const purpose = (published?.body as { purpose?: unknown } | undefined)?.purpose;
          return { key: d.key, name: d.name, portal: purpose === 'portal' };
        }),
      );
      return forms.sort((a, b) => Number(b.portal) - Number(a.portal));
    };
    load()
      .then((forms) => live && setState({ status: 'ready', forms }))
      .catch((error: unknown) => live && setState({ status: 'failed', error }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
