-- Shared by every service (governance-commons): the transactional outbox and the consumer inbox.

-- Events written in the same transaction as the state change they describe; the relay publishes
-- them to Kafka in seq order and stamps published_at. Rows are kept for a retention period.
create table event_outbox (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    aggregate_id text        not null,
    event_type   text        not null,
    occurred_at  timestamptz not null,
    payload      text        not null, -- the CloudEvents 1.0 structured JSON, exactly as sent
    published_at timestamptz
);
create index event_outbox_unpublished on event_outbox (seq) where published_at is null;
create index event_outbox_aggregate on event_outbox (aggregate_id, seq);

-- Event ids a consumer has applied: a redelivered event is recognised and changes nothing.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    topic        text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
