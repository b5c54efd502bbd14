-- When work on a document began (a plan "under framtagande" since …): a business date the register
-- did not have. Optional; documents registered before this migration simply have none.
alter table document add column drafting_since date;
