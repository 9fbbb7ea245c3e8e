import { Migration } from '@mikro-orm/migrations';

/**
 * Conversations in every channel, one history per client.
 *
 * - `contact`: one identity of a person in one channel (the widget visitor, the Telegram chat, the e-mail
 *   address), linked to the client record it belongs to. Merging two contacts points both at one client record;
 *   the rows and their histories stay.
 * - `conversation`: a dialog of a contact in a channel; `line_key` is filled once lines route dialogs; `handler`
 *   says who holds it now; first-response and resolution times are the SLA's raw data.
 * - `message`: the history. `seq` orders a conversation without trusting clocks; `client_message_id` makes the
 *   widget's retries idempotent; outbound messages carry their delivery state.
 * - `channel_inbound`: the channel's own ids of inbound messages already taken (Telegram `update_id`, e-mail
 *   `Message-ID`, the webhook's message id), so a redelivery stores nothing twice.
 */
export class Migration20261213Conversations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table contact (
      id uuid primary key,
      channel text not null check (channel in ('widget', 'telegram', 'email', 'webhook')),
      channel_key text not null,
      external_id text not null check (length(external_id) between 1 and 500),
      display_name text,
      email text,
      phone text,
      client_record_id uuid references record(id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (channel_key, external_id))`);
    this.addSql('create index contact_client_idx on contact (client_record_id)');
    this.addSql('create index contact_email_idx on contact (email) where email is not null');
    this.addSql('create index contact_phone_idx on contact (phone) where phone is not null');

    this.addSql(`create table conversation (
      id uuid primary key,
      channel text not null,
      channel_key text not null,
      line_key text,
      contact_id uuid not null references contact(id),
      client_record_id uuid references record(id) on delete set null,
      request_record_id uuid references record(id) on delete set null,
      subject text,
      status text not null check (status in ('open', 'closed')),
      handler text not null check (handler in ('bot', 'queue', 'operator')),
      operator_id uuid references app_user(id) on delete set null,
      message_count integer not null default 0,
      opened_at timestamptz not null,
      last_message_at timestamptz not null,
      first_response_at timestamptz,
      resolved_at timestamptz,
      closed_at timestamptz)`);
    this.addSql('create index conversation_contact_idx on conversation (contact_id, status)');
    this.addSql(
      'create index conversation_client_idx on conversation (client_record_id, last_message_at desc)',
    );
    this.addSql(
      "create index conversation_open_idx on conversation (last_message_at desc) where status = 'open'",
    );
    this.addSql('create index conversation_request_idx on conversation (request_record_id)');

    this.addSql(`create table message (
      id uuid primary key,
      conversation_id uuid not null references conversation(id),
      seq bigint generated always as identity,
      direction text not null check (direction in ('in', 'out')),
      author_kind text not null check (author_kind in ('client', 'bot', 'operator', 'system')),
      author_user_id uuid references app_user(id) on delete set null,
      internal boolean not null default false,
      text text not null,
      parts jsonb not null default '[]',
      attachments jsonb not null default '[]',
      client_message_id text,
      external_id text,
      delivery text check (delivery in ('queued', 'sent', 'delivered', 'read', 'failed')),
      delivery_error text,
      created_at timestamptz not null,
      unique (conversation_id, client_message_id))`);
    this.addSql('create index message_conversation_idx on message (conversation_id, seq)');
    this.addSql('create index message_external_idx on message (external_id) where external_id is not null');

    this.addSql(`create table channel_inbound (
      channel_key text not null,
      external_id text not null,
      message_id uuid references message(id) on delete cascade,
      received_at timestamptz not null,
      primary key (channel_key, external_id))`);
  }
}
