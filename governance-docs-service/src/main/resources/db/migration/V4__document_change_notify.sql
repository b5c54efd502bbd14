-- Every instance keeps the JSON of documents it has served (DocumentReads). A change, by whichever
-- instance or by hand, is announced on channel document_changed with the document's id; PostgreSQL
-- delivers it when (and only if) the transaction commits. Rows are never deleted (repeal is a status).
create function notify_document_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('document_changed', new.id::text);
    return null;
end
$$;

create trigger document_changed
    after update on document
    for each row execute function notify_document_changed();
