import type { KbCategory } from '@opora/sdk';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';

/** The category tree from the server, with a reload after changes. */
export function useCategories() {
  const { t } = useTranslation();
  const [categories, setCategories] = useState<KbCategory[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      client.kb.categories().then(
        (r) => {
          setCategories(r.items);
          setError(null);
        },
        (e: unknown) => setError(errorText(e, t('common.loadFailed'))),
      ),
    [t],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { categories, error, reload };
}
