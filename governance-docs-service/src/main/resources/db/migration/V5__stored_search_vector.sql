-- The search text's Swedish tsvector, stored with the row: a search no longer computes it for every
-- candidate row (prefix matches are rechecked against the row) nor again for the ranking.
alter table document
    add column search_vector tsvector generated always as (to_tsvector('swedish', search_text)) stored;
drop index document_search;
create index document_search on document using gin (search_vector);
