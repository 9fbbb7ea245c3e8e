import type { Role } from '@opora/sdk';

/** Role groups routes refer to; one place to change who may do what. */
export const canDesign: readonly Role[] = ['admin', 'analyst', 'developer'];
export const staff: readonly Role[] = ['admin', 'analyst', 'developer', 'operator', 'supervisor'];
export const adminOnly: readonly Role[] = ['admin'];
export const canAudit: readonly Role[] = ['admin', 'supervisor'];
