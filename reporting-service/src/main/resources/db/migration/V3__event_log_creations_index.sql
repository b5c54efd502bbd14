-- Every applied event moves its aggregates' creation back to its effective date when earlier
-- (EventLog.moveCreationBack): look the creations up directly instead of walking every event of the
-- aggregate, which grows with its history (a measure with thousands of progress updates).
create index event_log_creations on event_log (entity_id) where type like '%.created';
