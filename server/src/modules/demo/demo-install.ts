import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { UserEntity } from '../../db/entities/user.js';
import { playDemoDialog } from './demo-dialogs.js';
import { demoDialogs } from './demo-dialogs-data.js';
import { demoStaff, demoSupervisor, ensureDemoStaff } from './demo-staff.js';

/** The template the demo team and dialogs are written for (its lines, groups and site chat). */
export const demoContentTemplate = 'support-desk';

export interface DemoInstall {
  /** Demo people created by this call (0 when the team was there already). */
  staffCreated: number;
  dialogsCreated: number;
  /** The team's password when this call generated it (shown once, like the admin's). */
  password?: string;
}

/** How the start-up message names the team: «olga, ivan, marina; supervisor svetlana». */
export const demoTeamText = `${demoStaff
  .filter((person) => person !== demoSupervisor)
  .map((person) => person.login)
  .join(', ')}; supervisor ${demoSupervisor.login}`;

/**
 * Whether this installation is a demo one: the template was just imported into an empty database, or the demo
 * supervisor exists (a start that stopped half-way finishes the demo on the next one). Never true otherwise, so
 * no demo account appears in an installation that did not start as a demo.
 */
export async function isDemoInstallation(
  app: FastifyInstance,
  template: string,
  justImported: boolean,
): Promise<boolean> {
  if (template !== demoContentTemplate) return false;
  return justImported || (await app.db.em().count(UserEntity, { login: demoSupervisor.login })) > 0;
}

/**
 * A living contact centre on top of the support-desk template: the demo team (password from DEMO_PASSWORD, else
 * generated) and the scripted dialogs, each in its own transaction. Running it again adds nothing that exists.
 */
export async function installDemoContent(
  app: FastifyInstance,
  demoPassword: string | undefined,
): Promise<DemoInstall> {
  const password = demoPassword ?? randomBytes(9).toString('base64url');
  const { actors, created } = await ensureDemoStaff(app, password);
  let dialogsCreated = 0;
  for (const dialog of demoDialogs) if (await playDemoDialog(app, dialog, actors)) dialogsCreated++;
  return {
    staffCreated: created,
    dialogsCreated,
    ...(created && !demoPassword ? { password } : {}),
  };
}
