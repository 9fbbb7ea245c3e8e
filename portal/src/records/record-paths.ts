/** Addresses of the generated work screens. */
export const workHome = '/work';
export const listPath = (entity: string, search = ''): string =>
  `/work/${encodeURIComponent(entity)}${search}`;
export const newPath = (entity: string, search = ''): string =>
  `/work/${encodeURIComponent(entity)}/new${search}`;
export const cardPath = (entity: string, id: string): string =>
  `/work/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`;
