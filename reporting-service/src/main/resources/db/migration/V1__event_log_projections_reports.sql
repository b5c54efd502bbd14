-- reporting-service: its own log of every event it applied, projections of the current state,
-- and the reports it compiled. It never reads another service's database.

-- Every applied event, kept so that the state as of any date can be rebuilt.
-- effective_date is the event's business date (see EffectiveDates), not its commit time.
create table event_log (
    seq            bigserial primary key,
    event_id       text        not null unique,
    topic          text        not null,
    type           text        not null,
    subject        text,
    plan_id        text,                    -- actionplan.plans: the plan the event belongs to
    entity_id      text,                    -- the document, measure or plan the event is about
    event_time     timestamptz not null,    -- CloudEvents time: the producer's commit time
    effective_date date        not null,
    data           jsonb       not null,
    kafka_partition integer,
    kafka_offset   bigint,
    applied_at     timestamptz not null default clock_timestamp()
);
create index event_log_topic_effective on event_log (topic, effective_date, seq);
create index event_log_plan_effective on event_log (plan_id, effective_date, seq);
create index event_log_entity on event_log (entity_id, seq);

-- Current state, one row per aggregate part, the latest view an event carried.
create table projected_document (
    id            text primary key,
    data          jsonb       not null,
    last_event_id text        not null,
    updated_at    timestamptz not null
);

create table projected_plan (
    id            text primary key,
    data          jsonb       not null,
    last_event_id text        not null,
    updated_at    timestamptz not null
);

create table projected_measure (
    id            text primary key,
    plan_id       text        not null,
    data          jsonb       not null,
    last_event_id text        not null,
    updated_at    timestamptz not null
);
create index projected_measure_plan on projected_measure (plan_id);

-- Reports: a DRAFT is recompiled at will; a FINAL one is frozen with every format's bytes.
create table report (
    id           uuid primary key,
    plan_id      text        not null,
    title        text        not null,
    period_from  date        not null,
    period_to    date        not null,
    as_of        date        not null,
    status       text        not null,
    compiled_by  text        not null,
    compiled_at  timestamptz not null,
    preface      text,
    conclusion   text,
    sections     jsonb       not null,
    content_hash text,
    finalized_at timestamptz,
    finalized_by text,
    created_by   text        not null,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index report_plan on report (plan_id, compiled_at);

create table report_rendition (
    report_id  uuid  not null references report (id),
    media_type text  not null,
    content    bytea not null,
    sha256     text  not null,
    primary key (report_id, media_type)
);
