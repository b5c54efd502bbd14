-- Lists are stored one way in every service: a jsonb array in the row, mapped by Hibernate
-- (@JdbcTypeCode(SqlTypes.JSON)), in the order they were set. jsonb rather than text[] because the
-- documents service's lists are of pairs (a principle with its passage, a relation's kind with its
-- document), which a text[] could hold only through an encoding of our own.
--
-- A measure's principles and linked documents were comma-separated text ('' for none): codes and
-- UUIDs, neither of which can hold a comma, so splitting on commas is exact.
alter table measure
    alter column principles drop default,
    alter column principles type jsonb using to_jsonb(string_to_array(principles, ',')),
    alter column principles set default '[]',
    add constraint measure_principles_array check (jsonb_typeof(principles) = 'array'),
    alter column document_ids drop default,
    alter column document_ids type jsonb using to_jsonb(string_to_array(document_ids, ',')),
    alter column document_ids set default '[]',
    add constraint measure_document_ids_array check (jsonb_typeof(document_ids) = 'array');

-- A collaboration's parties were a JSON array as text already (names may hold commas): the same array.
alter table collaboration
    alter column parties type jsonb using parties::jsonb,
    add constraint collaboration_parties_array check (jsonb_typeof(parties) = 'array');
