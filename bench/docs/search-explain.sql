-- The statements DocumentSearch runs for the searches of bench/docs/search.sh (EXPLAIN=1), as it runs them.
-- Each is run twice; the second run's plan (warm cache) is the one to read.
\echo '-- q=tillit&type=POLICY&status=DRAFT: the total'
explain (analyze, buffers) select count(*) from document d where true and d.search_vector @@ to_tsquery('swedish', '(tillit:* | tilli:*)') and d.type = 'POLICY' and d.status = 'DRAFT';
explain (analyze, buffers) select count(*) from document d where true and d.search_vector @@ to_tsquery('swedish', '(tillit:* | tilli:*)') and d.type = 'POLICY' and d.status = 'DRAFT';
\echo '-- q=tillit&type=POLICY&status=DRAFT: the page (by relevance)'
explain (analyze, buffers) select d.id from document d where true and d.search_vector @@ to_tsquery('swedish', '(tillit:* | tilli:*)') and d.type = 'POLICY' and d.status = 'DRAFT' order by ts_rank(d.search_vector, to_tsquery('swedish', '(tillit:* | tilli:*)')) desc, d.id limit 20 offset 0;
explain (analyze, buffers) select d.id from document d where true and d.search_vector @@ to_tsquery('swedish', '(tillit:* | tilli:*)') and d.type = 'POLICY' and d.status = 'DRAFT' order by ts_rank(d.search_vector, to_tsquery('swedish', '(tillit:* | tilli:*)')) desc, d.id limit 20 offset 0;
\echo '-- type=POLICY&status=DRAFT: the page (by title)'
explain (analyze, buffers) select d.id from document d where true and d.type = 'POLICY' and d.status = 'DRAFT' order by d.title collate swedish asc, d.id limit 20 offset 0;
explain (analyze, buffers) select d.id from document d where true and d.type = 'POLICY' and d.status = 'DRAFT' order by d.title collate swedish asc, d.id limit 20 offset 0;
