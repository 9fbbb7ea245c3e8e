/** «9 мар. 2025 г., 14:30» in the interface language. */
export const formatDateTime = (iso: string | null | undefined, locale: string): string =>
  iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

export const formatDate = (iso: string | null | undefined, locale: string): string =>
  iso ? new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' }) : '—';
