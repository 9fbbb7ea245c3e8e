import type { Role } from '@opora/sdk';
import type { FastifyInstance } from 'fastify';
import { UserEntity } from '../../db/entities/user.js';
import type { Actor } from '../auth/actor.js';
import { updateOperatorProfile } from '../distribution/operator-status.js';

/** One person of the demo contact centre: who they are and which lines' groups they serve. */
export interface DemoPerson {
  login: string;
  name: string;
  roles: Role[];
  groups: string[];
  capacity: number;
}

/**
 * The demo team: three operators of the template's groups (`first-line` serves «Общие вопросы» and «Доставка и
 * возврат», `accounting` serves «Бухгалтерия») and their supervisor, who may take a dialog of any line herself.
 */
export const demoStaff: readonly DemoPerson[] = [
  { login: 'olga', name: 'Ольга Васильева', roles: ['operator'], groups: ['first-line'], capacity: 4 },
  { login: 'ivan', name: 'Иван Соловьёв', roles: ['operator'], groups: ['first-line'], capacity: 4 },
  {
    login: 'marina',
    name: 'Марина Ковалёва',
    roles: ['operator'],
    groups: ['accounting', 'first-line'],
    capacity: 3,
  },
  {
    login: 'svetlana',
    name: 'Светлана Орехова',
    roles: ['supervisor', 'operator'],
    groups: ['first-line', 'accounting'],
    capacity: 2,
  },
];

/** The supervisor: the one who sets her team's profiles, and whose account marks an installation as a demo. */
export const demoSupervisor = demoStaff.find((person) => person.roles.includes('supervisor'))!;

const actorOf = (user: { id: string; login: string; name: string; roles: Role[] }): Actor => ({
  id: user.id,
  login: user.login,
  name: user.name,
  roles: user.roles,
  locale: 'ru',
  via: 'session',
});

/**
 * Makes the demo team (a person whose login exists already is left as they are, password included) and sets the
 * new ones' operator profiles. Returns every demo person as an actor, and how many were created now.
 */
export async function ensureDemoStaff(
  app: FastifyInstance,
  password: string,
): Promise<{ actors: Map<string, Actor>; created: number }> {
  const actors = new Map<string, Actor>();
  const fresh: DemoPerson[] = [];
  for (const person of demoStaff) {
    const existing = await app.db.em().findOne(UserEntity, { login: person.login });
    const user =
      existing ??
      (await app.users.create(
        { login: person.login, name: person.name, password, roles: person.roles },
        null,
      ));
    if (!existing) fresh.push(person);
    actors.set(person.login, actorOf(user));
  }
  const supervisor = actors.get(demoSupervisor.login)!;
  for (const person of fresh)
    await updateOperatorProfile(
      app,
      actors.get(person.login)!.id,
      { groups: person.groups, capacity: person.capacity },
      supervisor,
    );
  return { actors, created: fresh.length };
}
