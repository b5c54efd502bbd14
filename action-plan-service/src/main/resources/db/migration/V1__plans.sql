-- The action plan of regionstyrelsen 2022-08-17 § 183: plans, measures, progress updates,
-- collaboration records, the change feed, the document replica and the reminder ledger.
create table plan (
    id                 uuid primary key,
    title              text        not null,
    description        text,
    owner_unit         text        not null,
    decision_body      text,
    decision_date      date,
    decision_paragraph text,
    decision_diary_number text,
    period_from        date,
    period_to          date,
    status             text        not null,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index plan_title on plan (lower(title));
create index plan_diary on plan (lower(decision_diary_number));

create table measure (
    id                 uuid primary key,
    plan_id            uuid        not null references plan (id),
    parent_id          uuid references measure (id),
    code               text        not null,
    title              text        not null,
    description        text,
    responsible_unit   text        not null,
    responsible_person text,
    status             text        not null,
    progress           integer     not null check (progress between 0 and 100),
    weight             integer     not null check (weight >= 0),
    start_date         date,
    due_date           date,
    principles         text        not null default '', -- comma-separated principle codes
    document_ids       text        not null default '', -- comma-separated document ids
    last_update_on     date,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (plan_id, code)
);
create index measure_plan on measure (plan_id);
create index measure_open_due on measure (due_date) where status in ('PLANNED', 'IN_PROGRESS', 'BLOCKED');

-- Progress updates (lägesrapporter): the measure's history. Never changed once written.
create table progress_update (
    id          uuid primary key,
    plan_id     uuid        not null references plan (id),
    measure_id  uuid        not null references measure (id),
    date        date        not null,
    author      text        not null,
    author_sub  text        not null,
    status      text        not null,
    progress    integer     not null check (progress between 0 and 100),
    text        text,
    obstacles   text,
    next_steps  text,
    example     boolean     not null default false,
    recorded_at timestamptz not null
);
create index progress_update_measure on progress_update (measure_id, date, recorded_at);

-- Collaboration records (samverkan) with employees and unions, per measure or for the whole plan.
create table collaboration (
    id          uuid primary key,
    plan_id     uuid        not null references plan (id),
    measure_id  uuid references measure (id),
    date        date        not null,
    parties     text        not null, -- JSON array of party names
    form        text        not null,
    outcome     text,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index collaboration_plan on collaboration (plan_id, date);

-- The change feed and audit trail: one row per change, written in the changing transaction while
-- the plan row is locked, so per plan the seq order is the commit order.
create table plan_change (
    seq        bigserial primary key,
    plan_id    uuid        not null references plan (id),
    at         timestamptz not null,
    type       text        not null,
    entity_id  uuid        not null,
    data       text        not null, -- JSON, the event's data
    actor_sub  text        not null,
    actor_name text
);
create index plan_change_plan_seq on plan_change (plan_id, seq);

-- What this service knows of governing documents, from governance.documents events.
create table document_replica (
    id                uuid primary key,
    diary_number      text,
    title             text        not null,
    status            text        not null,
    source_updated_at timestamptz not null, -- the document's updatedAt: an older event never wins
    event_time        timestamptz,
    received_at       timestamptz not null
);

-- Reminders sent: at most one per measure, kind and period.
create table sent_reminder (
    measure_id uuid        not null references measure (id),
    kind       text        not null,
    period_key text        not null,
    sent_at    timestamptz not null,
    primary key (measure_id, kind, period_key)
);
