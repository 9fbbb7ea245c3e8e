import type { SecretSummary } from '@opora/sdk';
import type { ChannelAddresses } from './channel-addresses';

/** What every type's section of the channel form gets: its settings, how to change them and what is wrong. */
export interface SectionProps<Settings> {
  settings: Settings;
  /** Merges into the settings; a key set to undefined is removed (an optional setting cleared). */
  update: (patch: Partial<Record<keyof Settings, unknown>>) => void;
  /** The first problem at a pointer inside the settings (`/tokenSecret`), or undefined. */
  problemAt: (pointer: string) => string | undefined;
  /** A problem exactly at a pointer, not inside it (a list's own, apart from its entries'). */
  ownProblemAt: (pointer: string) => string | undefined;
  /** A field's problem in its own words (see `fieldProblem`): `empty` once refused empty, `bad` when filled wrong. */
  fieldProblem: (
    pointer: string,
    value: string,
    texts: { empty: string; bad?: string },
  ) => string | undefined;
  secrets: SecretSummary[];
  reloadSecrets: () => void;
  definitionKey: string;
  addresses: ChannelAddresses;
}
