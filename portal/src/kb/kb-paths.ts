/** Addresses of the knowledge base in the portal, built in one place so links and routes agree. */
export const kbPaths = {
  home: '/kb',
  category: (key: string) => `/kb/c/${encodeURIComponent(key)}`,
  article: (key: string) => `/kb/${encodeURIComponent(key)}`,
  contact: (form?: string) => (form ? `/contact?form=${encodeURIComponent(form)}` : '/contact'),
  helper: '/help/support',
};
