-- 通知: the in-app inbox and the webhook outbox, both filled in the transaction that appends a warning event
-- (storage/notification_enqueue.hpp), so an event is never notified without having happened nor lost after it.

-- One row per user per event he should read (core::InboxAudienceFor decides who). read_at NULL: unread.
CREATE TABLE inbox_items (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  event_id BIGINT NOT NULL REFERENCES warning_events(id) ON DELETE CASCADE,
  read_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (user_id, event_id)
);
CREATE INDEX inbox_items_user ON inbox_items(user_id, id);
CREATE INDEX inbox_items_unread ON inbox_items(user_id) WHERE read_at IS NULL;

-- A region's group robots and JSON webhooks. levels and event_kinds are comma lists ('' = all); secret is
-- DingTalk's 加签 secret ('' = unsigned) and never leaves the server.
CREATE TABLE notification_targets (
  id {{id}},
  region_code TEXT NOT NULL REFERENCES regions(code),
  name TEXT NOT NULL,
  channel TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT NOT NULL DEFAULT '',
  levels TEXT NOT NULL DEFAULT '',
  event_kinds TEXT NOT NULL DEFAULT '',
  enabled BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX notification_targets_region ON notification_targets(region_code);

-- One message per event and target. id is core::OutboxMessageId ("sanpi-<event>-<target>"): the receiver's
-- de-duplication id, and what makes enqueuing twice a no-op. Times are Unix seconds (the worker's clock);
-- state pending | delivered | dead. Deleting a target drops its messages.
CREATE TABLE outbox_messages (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES regions(code),
  target_id BIGINT NOT NULL REFERENCES notification_targets(id) ON DELETE CASCADE,
  event_id BIGINT NOT NULL REFERENCES warning_events(id) ON DELETE CASCADE,
  channel TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  delivered_at BIGINT,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_messages_due ON outbox_messages(state, next_attempt_at);
CREATE INDEX outbox_messages_region ON outbox_messages(region_code, created_at);
