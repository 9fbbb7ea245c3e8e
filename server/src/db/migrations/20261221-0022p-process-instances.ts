import { Migration } from '@mikro-orm/migrations';

/**
 * Running business processes.
 *
 * - `process_instance`: one run of one published process version, pinned (`process_version`): it runs the version
 *   it started on after a new one is published. `state` is the engine's `ProcessInstance` as JSON; `status` mirrors
 *   its status for the list's filters. `idempotency_key` makes a retried start start one instance. A called
 *   process names its caller (`parent_id`, `parent_request`): its end answers the caller's request.
 * - `process_subscription`: the message waits of an instance's tokens, rewritten with every save, so a message
 *   finds its instances by name and correlation without reading every state.
 * - `process_message`: the ids of messages delivered, so one sent again delivers nothing new.
 */
export class Migration20261221ProcessInstances extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table process_instance (
      id uuid primary key,
      process_key text not null,
      process_version integer not null,
      status text not null check (status in ('running', 'completed', 'terminated', 'failed')),
      state jsonb not null,
      record_entity text,
      record_id text,
      started_by text,
      idempotency_key text unique,
      parent_id uuid,
      parent_request text,
      started_at timestamptz not null,
      ended_at timestamptz,
      updated_at timestamptz not null)`);
    this.addSql('create index process_instance_started_idx on process_instance (started_at desc, id desc)');
    this.addSql(
      'create index process_instance_key_idx on process_instance (process_key, status, started_at desc, id desc)',
    );
    this.addSql(
      'create index process_instance_status_idx on process_instance (status, started_at desc, id desc)',
    );
    this.addSql(
      'create index process_instance_record_idx on process_instance (record_entity, record_id, started_at desc)',
    );
    this.addSql(
      `create index process_instance_ended_idx on process_instance (ended_at) where status <> 'running'`,
    );
    this.addSql(`create table process_subscription (
      instance_id uuid not null references process_instance(id) on delete cascade,
      token_id text not null,
      name text not null,
      correlation text,
      primary key (instance_id, token_id, name))`);
    this.addSql('create index process_subscription_name_idx on process_subscription (name, correlation)');
    this.addSql(`create table process_message (
      id text primary key,
      name text not null,
      delivered integer not null,
      received_at timestamptz not null)`);
    this.addSql('create index process_message_received_idx on process_message (received_at)');
  }
}
