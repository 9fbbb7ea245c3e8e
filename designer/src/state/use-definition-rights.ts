import { type DefinitionAction, type DefinitionKind, mayChangeDefinition } from '@opora/sdk';
import { useSession } from './session';

/** Whether the signed-in user may write, publish or archive definitions of a kind (the server's own table). */
export function useDefinitionRights(kind: DefinitionKind): (action: DefinitionAction) => boolean {
  const session = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles : [];
  return (action) => mayChangeDefinition(roles, kind, action);
}
