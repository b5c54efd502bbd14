-- Records a consumer could not apply (commons DeadLetters): kept exactly as read, key and value as bytes,
-- with where they were read and why they were refused; one row per record however often it is redelivered.
create table dead_letter (
    id               bigserial primary key,
    topic            text        not null,
    kafka_partition  integer     not null,
    kafka_offset     bigint      not null,
    record_key       bytea,
    record_value     bytea,
    event_id         text,
    event_type       text,
    reason           text        not null,
    dead_lettered_at timestamptz not null default now(),
    unique (topic, kafka_partition, kafka_offset)
);
