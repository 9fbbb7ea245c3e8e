import { organisationTimeZone } from '../../forms/server-clock';
import { useAsync } from '../../lib/use-async';
import { loadScreenForm, type Purpose } from './screen-form';

/** A screen's form (the one asked for, else by purpose with fallbacks) and the time zone it computes in. */
export const useScreenForm = (entity: string, purposes: readonly Purpose[], preferred?: string) =>
  useAsync(async () => {
    const [screen, timeZone] = await Promise.all([
      loadScreenForm(entity, purposes, preferred),
      organisationTimeZone(),
    ]);
    return { screen, timeZone };
  }, [entity, purposes.join(','), preferred ?? '']);
