import type { Definition, DefinitionSummary, DefinitionVersion, DefinitionVersionSummary } from '@opora/sdk';
import type { DefinitionEntity } from '../../db/entities/definition.js';
import type { DefinitionVersionEntity } from '../../db/entities/definition-version.js';

export const summaryView = (d: DefinitionEntity): DefinitionSummary => ({
  id: d.id,
  kind: d.kind,
  key: d.key,
  name: d.name,
  description: d.description,
  status: d.status,
  draftVersion: d.draftVersion,
  latestVersion: d.latestVersion,
  hasUnpublishedChanges: d.hasUnpublishedChanges,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  updatedBy: d.updatedBy,
});

export const definitionView = (d: DefinitionEntity): Definition => ({ ...summaryView(d), body: d.body });

export const versionSummaryView = (v: DefinitionVersionEntity): DefinitionVersionSummary => ({
  version: v.version,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy,
});

export const versionView = (d: DefinitionEntity, v: DefinitionVersionEntity): DefinitionVersion => ({
  ...versionSummaryView(v),
  definitionId: d.id,
  kind: d.kind,
  key: d.key,
  name: v.name,
  body: v.body,
});
