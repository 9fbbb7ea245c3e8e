/** The total as a list says it: the number, or «более 10 000» where counting stopped. */
export function totalText(
  t: (key: string, options?: Record<string, unknown>) => string,
  language: string,
  page: { total: number; totalCapped?: boolean },
): string {
  if (!page.totalCapped) return String(page.total);
  return t('work.pager.moreThan', { number: new Intl.NumberFormat(language).format(page.total) });
}
