/** Addresses of the personal account, built in one place so links, notifications and routes agree. */
export const accountPaths = {
  home: '/account',
  requests: (page: number) => (page > 1 ? `/account?page=${page}` : '/account'),
  request: (id: string) => `/account/requests/${encodeURIComponent(id)}`,
  notifications: '/account#notifications',
  tasks: '/account/tasks',
  task: (id: string) => `/account/tasks/${encodeURIComponent(id)}`,
  signup: '/signup',
};

/** The page number of the requests list in an address (1 when absent or nonsense). */
export function pageFromAddress(address: string): number {
  const value = Number(new URLSearchParams(address.split('?')[1]?.split('#')[0] ?? '').get('page'));
  return Number.isInteger(value) && value > 1 ? Math.min(value, 10_000) : 1;
}
