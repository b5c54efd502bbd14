-- The register of governing documents (styrdokument).
create table document (
    id                 uuid primary key,
    diary_number       text        not null,
    title              text        not null,
    type               text        not null,
    political          boolean     not null default false,
    status             text        not null,
    owner_unit         text,
    responsible        text,
    summary            text,
    decision_body      text,
    decision_committee text,
    decision_date      date,
    decision_paragraph text,
    review_due         date,
    file_url           text,
    current_version    integer     not null default 0,
    successor_id       uuid references document (id),
    search_text        text        not null default '',
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create unique index document_diary_number on document (lower(diary_number));
create index document_status on document (status);
create index document_review_due on document (review_due);
create index document_owner_unit on document (owner_unit);
create index document_search on document using gin (to_tsvector('swedish', search_text));

create table document_principle (
    document_id uuid not null references document (id),
    principle   text not null,
    passage     text,
    primary key (document_id, principle)
);
create index document_principle_principle on document_principle (principle);

create table document_relation (
    document_id uuid not null references document (id),
    kind        text not null,
    target_id   uuid not null references document (id),
    primary key (document_id, kind, target_id)
);

-- Adopted versions: immutable once written.
create table document_version (
    id                 uuid primary key,
    document_id        uuid        not null references document (id),
    number             integer     not null,
    decision_body      text        not null,
    decision_committee text,
    decision_date      date        not null,
    decision_paragraph text,
    file_url           text,
    valid_from         date,
    review_due         date,
    adopted_at         timestamptz not null,
    unique (document_id, number)
);

-- Consultation rounds (remiss) and their responses.
create table consultation (
    id          uuid primary key,
    document_id uuid        not null references document (id),
    recipients  text        not null, -- JSON array of recipient names
    deadline    date        not null,
    description text,
    status      text        not null,
    opened_at   timestamptz not null,
    closed_at   timestamptz
);
create index consultation_document on consultation (document_id);

create table consultation_response (
    id              uuid primary key,
    consultation_id uuid        not null references consultation (id),
    respondent      text        not null,
    received_on     date        not null,
    position        text        not null,
    summary         text,
    recorded_at     timestamptz not null
);

-- Audit trail: who changed what, when. Nothing is ever deleted.
create table audit_entry (
    id          bigserial primary key,
    document_id uuid        not null references document (id),
    at          timestamptz not null,
    actor_sub   text        not null,
    actor_name  text,
    action      text        not null,
    field       text,
    old_value   text,
    new_value   text
);
create index audit_entry_document on audit_entry (document_id, id);
