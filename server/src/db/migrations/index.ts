import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122Initial } from './20261122-0001-initial.js';
import { Migration20261122Jobs } from './20261122-0002-jobs.js';
import { Migration20261122Scripts } from './20261122-0003-scripts.js';

/** Every committed migration in order; listed explicitly so start-up never globs the file system. */
export const migrations: MigrationObject[] = [
  { name: '20261122-0001-initial', class: Migration20261122Initial },
  { name: '20261122-0002-jobs', class: Migration20261122Jobs },
  { name: '20261122-0003-scripts', class: Migration20261122Scripts },
];
