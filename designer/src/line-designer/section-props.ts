/** What every section of the line form gets: the draft body, how to change it and what is wrong where. */
export interface SectionProps {
  body: Record<string, unknown>;
  /** Merges into the body; a key set to undefined is removed (an optional setting cleared). */
  update: (patch: Record<string, unknown>) => void;
  /** The first problem at a JSON pointer into the body or inside it (`/hours` also takes `/hours/week/0/to`). */
  problemAt: (pointer: string) => string | undefined;
}
