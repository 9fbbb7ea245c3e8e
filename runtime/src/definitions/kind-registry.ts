import { botKind } from './bot/index.js';
import { channelKind } from './channel/index.js';
import { entityKind } from './entity/index.js';
import { formKind } from './form/index.js';
import { integrationKind } from './integration/index.js';
import type { KindSpec } from './kind-spec.js';
import type { DefinitionKind } from './kinds.js';
import { lineKind } from './line/index.js';
import { pageKind } from './page/index.js';
import { portalKind } from './portal/index.js';
import { processKind } from './process/index.js';
import { scriptKind } from './script/index.js';
import { templateKind } from './template/index.js';
import { treeKind } from './tree/index.js';

/** Every definition kind and its spec; a kind without a folder here does not compile. */
export const kindSpecs = {
  entity: entityKind,
  form: formKind,
  tree: treeKind,
  bot: botKind,
  process: processKind,
  script: scriptKind,
  page: pageKind,
  portal: portalKind,
  line: lineKind,
  template: templateKind,
  integration: integrationKind,
  channel: channelKind,
} satisfies Record<DefinitionKind, KindSpec<never>>;
