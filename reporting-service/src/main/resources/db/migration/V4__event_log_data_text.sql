-- A report's as-of rebuild reads the data of every event of the register and of its plan as text (tens of
-- thousands of events for a large plan); converting jsonb to text on each read was most of that query's time.
-- The text is kept beside the jsonb, made once when the event is logged; queries inside the data keep using jsonb.
alter table event_log add column data_text text generated always as (data::text) stored;
