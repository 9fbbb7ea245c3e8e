import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122Initial } from './20261122-0001-initial.js';
import { Migration20261122Jobs } from './20261122-0002-jobs.js';
import { Migration20261122Scripts } from './20261122-0003-scripts.js';
import { Migration20261122Files } from './20261122-0004-files.js';
import { Migration20261122SavedViews } from './20261122-0005-saved-views.js';
import { Migration20261201KnowledgeBase } from './20261201-0006-knowledge-base.js';
import { Migration20261201PortalAccounts } from './20261201-0007-portal-accounts.js';
import { Migration20261201KbSearchIndexes } from './20261201-0008-kb-search-indexes.js';
import { Migration20261210RecordCreator } from './20261210-0009-record-creator.js';
import { Migration20261211AccountTokens } from './20261211-0010-account-tokens.js';
import { Migration20261212KbWeakSearchGaps } from './20261212-0011-kb-weak-search-gaps.js';
import { Migration20261213Conversations } from './20261213-0012-conversations.js';
import { Migration20261214ConversationReads } from './20261214-0013-conversation-reads.js';
import { Migration20261215RequestThreads } from './20261215-0014-request-threads.js';
import { Migration20261216ImapMailboxCursors } from './20261216-0015-imap-mailbox-cursors.js';
import { Migration20261216OperatorDistribution } from './20261216-0016-operator-distribution.js';
import { Migration20261216Csat } from './20261216-0017-csat.js';
import { Migration20261217ClosedConversationsIndex } from './20261217-0018c-closed-conversations-index.js';
import { Migration20261217ProcessPresence } from './20261217-0018g-process-presence.js';
import { Migration20261218BotSessions } from './20261218-0019b-bot-sessions.js';
import { Migration20261219BotBlockStats } from './20261219-0020c-bot-block-stats.js';

/** Every committed migration in order; listed explicitly so start-up never globs the file system. */
export const migrations: MigrationObject[] = [
  { name: '20261122-0001-initial', class: Migration20261122Initial },
  { name: '20261122-0002-jobs', class: Migration20261122Jobs },
  { name: '20261122-0003-scripts', class: Migration20261122Scripts },
  { name: '20261122-0004-files', class: Migration20261122Files },
  { name: '20261122-0005-saved-views', class: Migration20261122SavedViews },
  { name: '20261201-0006-knowledge-base', class: Migration20261201KnowledgeBase },
  { name: '20261201-0007-portal-accounts', class: Migration20261201PortalAccounts },
  { name: '20261201-0008-kb-search-indexes', class: Migration20261201KbSearchIndexes },
  { name: '20261210-0009-record-creator', class: Migration20261210RecordCreator },
  { name: '20261211-0010-account-tokens', class: Migration20261211AccountTokens },
  { name: '20261212-0011-kb-weak-search-gaps', class: Migration20261212KbWeakSearchGaps },
  { name: '20261213-0012-conversations', class: Migration20261213Conversations },
  { name: '20261214-0013-conversation-reads', class: Migration20261214ConversationReads },
  { name: '20261215-0014-request-threads', class: Migration20261215RequestThreads },
  { name: '20261216-0015-imap-mailbox-cursors', class: Migration20261216ImapMailboxCursors },
  { name: '20261216-0017-csat', class: Migration20261216Csat },
  { name: '20261216-0016-operator-distribution', class: Migration20261216OperatorDistribution },
  { name: '20261217-0018g-process-presence', class: Migration20261217ProcessPresence },
  { name: '20261217-0018c-closed-conversations-index', class: Migration20261217ClosedConversationsIndex },
  { name: '20261218-0019b-bot-sessions', class: Migration20261218BotSessions },
  { name: '20261219-0020c-bot-block-stats', class: Migration20261219BotBlockStats },
];
