import type { Role } from '@opora/sdk';

/** Who works with dialogs: operators answer, supervisors watch and step in, admins set things up. */
export const contactCentre: readonly Role[] = ['admin', 'operator', 'supervisor'];
