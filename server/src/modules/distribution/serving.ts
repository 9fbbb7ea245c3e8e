import type { LineBody } from '@opora/runtime/definitions';

export interface ServingProfile {
  groups: readonly string[];
  skills: readonly string[];
  capacity: number | null;
}

/**
 * Whether an operator serves a line: they are in one of its groups (a line naming no group is served by every
 * operator) and have every skill it asks for.
 */
export function serves(profile: ServingProfile, line: LineBody): boolean {
  const inGroup = line.groups.length === 0 || line.groups.some((group) => profile.groups.includes(group));
  return inGroup && line.skills.every((skill) => profile.skills.includes(skill));
}

/** How many dialogs the operator leads at once when taking one of this line: their own figure, else the line's. */
export function capacityFor(profile: ServingProfile, line: LineBody | null): number {
  return profile.capacity ?? line?.capacity ?? 4;
}
