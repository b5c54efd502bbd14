-- The register search under load (issue 16; DocumentSearch, ADR 0011, bench/docs/search.sh).
--
-- GIN indexes without a pending list. With fastupdate (GIN's default) new entries wait in an unsorted list
-- that every search reads in full and that only a vacuum merges into the index; the planner prices that list
-- too: right after an import of 10,000 documents it scanned the whole table instead (the text match computed
-- for every row, and again for the total). The register is written at the pace of people and of an
-- occasional CSV import, and searched far more often: entries go straight into the index.
alter index document_search set (fastupdate = off);
select gin_clean_pending_list('document_search');
alter index document_principles set (fastupdate = off);
select gin_clean_pending_list('document_principles');

-- type and status, the filters of the register's lists (status alone keeps document_status): a bitmap of
-- their rows to AND with the text match's, and a total without q counted in this index alone.
create index document_type_status on document (type, status);

-- The default order, title in Swedish (then id, the page's tie-break): a page without q is read in this
-- order and stops after its rows instead of sorting every match.
create index document_title on document (title collate swedish, id);
