import { accessScope, type Bundle, type EntityBody, rolesAllowed } from '@opora/runtime/definitions';
import type { ErrorDetail, Locale } from '@opora/sdk';
import { definitionRights, mayChangeDefinition } from '@opora/sdk';
import type { Em } from '../../db/database.js';
import { message } from '../../http/messages.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { kbEditors } from '../kb/kb-access.js';
import type { DefinitionPlan } from './bundle-plan.js';

// Past this many, the rest are counted in one line: a 100,000-article bundle need not be listed back in full.
const maxListed = 200;

/**
 * Every item of a bundle the actor may not write, as pointer + message, found before anything is written so
 * one refusal names them all: definitions against the kind's rights (drafts it changes, versions it publishes),
 * knowledge-base content against its editors, records against the create right of their type (as the bundle
 * would publish it, else as published).
 */
export async function refusedItems(
  em: Em,
  definitions: DefinitionService,
  bundle: Bundle,
  plans: readonly DefinitionPlan[],
  actor: Actor | null,
  locale: Locale,
): Promise<ErrorDetail[]> {
  if (!actor) return [];
  const refused: ErrorDetail[] = [];
  for (const plan of plans) {
    const { kind } = plan.def;
    const action =
      plan.change !== 'none' && !mayChangeDefinition(actor.roles, kind, 'write')
        ? 'write'
        : plan.publish && !mayChangeDefinition(actor.roles, kind, 'publish')
          ? 'publish'
          : null;
    if (action)
      refused.push({
        pointer: `/definitions/${plan.index}`,
        message: message(locale, `definition_${action}_forbidden`, {
          kind,
          roles: definitionRights[kind][action].join(', '),
        }),
      });
  }
  refused.push(...knowledgeBaseRefusals(bundle, actor, locale));
  refused.push(...(await recordRefusals(em, definitions, bundle, actor, locale)));
  if (refused.length <= maxListed) return refused;
  return [
    ...refused.slice(0, maxListed),
    { pointer: '', message: message(locale, 'bundle_more_refused', { count: refused.length - maxListed }) },
  ];
}

function knowledgeBaseRefusals(bundle: Bundle, actor: Actor, locale: Locale): ErrorDetail[] {
  const kb = bundle.knowledgeBase;
  if (!kb || actor.roles.some((role) => kbEditors.includes(role))) return [];
  const text = message(locale, 'knowledge_base_forbidden', { roles: kbEditors.join(', ') });
  return [
    ...kb.categories.map((_, i) => ({ pointer: `/knowledgeBase/categories/${i}`, message: text })),
    ...kb.articles.map((_, i) => ({ pointer: `/knowledgeBase/articles/${i}`, message: text })),
    ...(kb.synonyms ? [{ pointer: '/knowledgeBase/synonyms', message: text }] : []),
  ];
}

async function recordRefusals(
  em: Em,
  definitions: DefinitionService,
  bundle: Bundle,
  actor: Actor,
  locale: Locale,
): Promise<ErrorDetail[]> {
  const bodies = new Map<string, EntityBody | undefined>();
  for (const def of bundle.definitions)
    if (def.kind === 'entity') bodies.set(def.key, def.body as unknown as EntityBody);
  const refused: ErrorDetail[] = [];
  for (const [index, record] of (bundle.records ?? []).entries()) {
    if (!bodies.has(record.entity))
      bodies.set(
        record.entity,
        (await definitions.latestPublished('entity', record.entity, em))?.body as EntityBody | undefined,
      );
    const body = bodies.get(record.entity);
    // An unknown type is the import's to report, with its own message.
    if (!body || accessScope(body, actor.roles, 'create') !== 'none') continue;
    refused.push({
      pointer: `/records/${index}`,
      message: message(locale, 'records_create_forbidden', {
        entity: record.entity,
        roles: rolesAllowed(body, 'create').join(', '),
      }),
    });
  }
  return refused;
}
