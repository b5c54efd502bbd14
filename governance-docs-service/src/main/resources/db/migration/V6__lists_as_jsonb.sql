-- Lists are stored one way in every service: a jsonb array in the row, mapped by Hibernate
-- (@JdbcTypeCode(SqlTypes.JSON)), in the order they were set. jsonb rather than text[] because a
-- document's principles (a principle with its passage) and relations (a kind with a document) are
-- lists of pairs, which a text[] could hold only through an encoding of our own.

-- A document's principles and relations leave their side tables for the document's row. The side tables
-- kept no order (the API sorts both lists when it answers); they are aggregated in the enums' order. A
-- passage may be null (JSON null, as Hibernate writes it).
alter table document
    add column principles jsonb not null default '[]'
        constraint document_principles_array check (jsonb_typeof(principles) = 'array'),
    add column relations jsonb not null default '[]'
        constraint document_relations_array check (jsonb_typeof(relations) = 'array');

update document d
   set principles = p.list
  from (select document_id,
               jsonb_agg(jsonb_build_object('principle', principle, 'passage', passage)
                         order by array_position(array['TRUST', 'CITIZEN_FOCUS', 'HOLISTIC_VIEW', 'DISCRETION',
                                                       'SUPPORT', 'KNOWLEDGE', 'OPENNESS'], principle), principle) as list
          from document_principle
         group by document_id) p
 where p.document_id = d.id;

update document d
   set relations = r.list
  from (select document_id,
               jsonb_agg(jsonb_build_object('kind', kind, 'documentId', target_id)
                         order by array_position(array['REPLACES', 'BASED_ON', 'REFERENCES'], kind), kind, target_id) as list
          from document_relation
         group by document_id) r
 where r.document_id = d.id;

-- The search by principle (DocumentSearch: principles @> '[{"principle": CODE}]') keeps an index.
create index document_principles on document using gin (principles jsonb_path_ops);

-- A relation's target was a foreign key; documents are never deleted (repeal is a status) and a relation
-- is checked against the register when set, so the array refers to registered documents as the table did.
drop table document_principle;
drop table document_relation;

-- A consultation's recipients were a JSON array as text already (names may hold commas): the same array.
alter table consultation
    alter column recipients type jsonb using recipients::jsonb,
    add constraint consultation_recipients_array check (jsonb_typeof(recipients) = 'array');
