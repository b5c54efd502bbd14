-- EXPLAIN (ANALYZE, BUFFERS) of the statements that a search runs (DocumentSearch, then DocumentService.list's
-- load of the page's documents), for the searches of bench/docs/search.sh (EXPLAIN=1); kept in step with the
-- code by hand. Prepared with parameters, as the JDBC driver sends them, and explained at their seventh
-- execution: from its fifth use the driver prepares a statement on the server, and from then on PostgreSQL
-- may answer it with a generic plan (one plan for any parameters) if it does not expect that to cost more.
\pset pager off
prepare q_page_and_total(text, text, text, int, bigint) as
  select d.id, count(*) over () from document d, to_tsquery('swedish', $1) tsq
   where d.search_vector @@ tsq and d.type = $2 and d.status = $3
   order by ts_rank(d.search_vector, tsq) desc, d.id limit $4 offset $5;
prepare q_page_and_total_by_title(text, text, text, int, bigint) as
  select d.id, count(*) over () from document d, to_tsquery('swedish', $1) tsq
   where d.search_vector @@ tsq and d.type = $2 and d.status = $3
   order by d.title collate swedish asc, d.id limit $4 offset $5;
prepare q_only_page_and_total(text, int, bigint) as
  select d.id, count(*) over () from document d, to_tsquery('swedish', $1) tsq
   where d.search_vector @@ tsq
   order by ts_rank(d.search_vector, tsq) desc, d.id limit $2 offset $3;
prepare filter_total(text, text) as
  select count(*) from document d where true and d.type = $1 and d.status = $2;
prepare filter_page(text, text, int, bigint) as
  select d.id from document d where true and d.type = $1 and d.status = $2
   order by d.title collate swedish asc, d.id limit $3 offset $4;
-- the page's 20 documents (DocumentService.list: documents.list("id in ?1", ids); Hibernate sends the ids as
-- 20 parameters, in (?, ..., ?), which PostgreSQL plans as = any of their array, as here)
prepare documents(uuid[]) as select * from document d where d.id = any ($1);

\set tillit '''(tillit:* | tilli:*)'''
select array_agg(id)::text as ids from (select id from document order by title collate swedish limit 20) x \gset
\o /dev/null
select s from generate_series(1, 6), unnest(array[
  'execute q_page_and_total(' || :'tillit' || ', ''POLICY'', ''DRAFT'', 20, 0)',
  'execute q_page_and_total_by_title(' || :'tillit' || ', ''POLICY'', ''DRAFT'', 20, 0)',
  'execute q_only_page_and_total(' || :'tillit' || ', 20, 0)',
  'execute filter_total(''POLICY'', ''DRAFT'')',
  'execute filter_page(''POLICY'', ''DRAFT'', 20, 0)',
  'execute documents(' || quote_literal(:'ids') || ')']) s \gexec
\o
\echo '== q=tillit&type=POLICY&status=DRAFT (by relevance): page and total'
explain (analyze, buffers) execute q_page_and_total('(tillit:* | tilli:*)', 'POLICY', 'DRAFT', 20, 0);
\echo '== q=tillit&type=POLICY&status=DRAFT&page=40'
explain (analyze, buffers) execute q_page_and_total('(tillit:* | tilli:*)', 'POLICY', 'DRAFT', 20, 800);
\echo '== q=tillit&type=POLICY&status=DRAFT&sort=title'
explain (analyze, buffers) execute q_page_and_total_by_title('(tillit:* | tilli:*)', 'POLICY', 'DRAFT', 20, 0);
\echo '== q=tillit'
explain (analyze, buffers) execute q_only_page_and_total('(tillit:* | tilli:*)', 20, 0);
\echo '== q=styr (every row matches)'
explain (analyze, buffers) execute q_only_page_and_total('styr:*', 20, 0);
\echo '== type=POLICY&status=DRAFT (by title): the total, then the page'
explain (analyze, buffers) execute filter_total('POLICY', 'DRAFT');
explain (analyze, buffers) execute filter_page('POLICY', 'DRAFT', 20, 0);
\echo '== every search: the page''s documents'
explain (analyze, buffers) execute documents(:'ids');
