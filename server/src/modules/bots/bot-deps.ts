import type { Clock } from '../../adapters/clock.js';
import type { JobQueue } from '../../adapters/job-queue/index.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database } from '../../db/database.js';
import type { ConversationStore } from '../conversations/conversation-store.js';
import type { PublishedLines } from '../distribution/published-lines.js';
import type { StaffLanguage } from './bot-notes.js';
import type { PublishedBots } from './published-bots.js';

/** What carrying out a bot's steps needs: the database, the queue, the conversations, lines and published bots, and the install's language. */
export interface BotDeps {
  db: Database;
  jobs: JobQueue;
  hub: LiveHub;
  clock: Clock;
  conversations: ConversationStore;
  lines: PublishedLines;
  bots: PublishedBots;
  /** The install's language: the notes the bot leaves for operators are in it. */
  language: StaffLanguage;
}
