create table document (
    id           uuid primary key,
    diary_number text        not null,
    title        text        not null,
    type         text        not null,
    status       text        not null,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create unique index document_diary_number on document (lower(diary_number));
