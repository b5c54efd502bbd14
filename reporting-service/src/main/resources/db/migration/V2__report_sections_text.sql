-- A report's sections are written and read whole, never queried inside: text, kept exactly as the
-- compiler wrote them, instead of jsonb (no server-side parse and re-encoding of a large plan's
-- megabytes on every compile, no reordered members when read back).
alter table report alter column sections type text using sections::text;

-- lz4 where the server has it (PostgreSQL 14+ built with lz4): a large report's sections and frozen
-- renditions compress and decompress several times faster than with the default pglz.
do $$
begin
    alter table report alter column sections set compression lz4;
    alter table report_rendition alter column content set compression lz4;
exception when others then
    raise notice 'lz4 compression not available (%), keeping the default', sqlerrm;
end
$$;
