-- A progress update is inserted while its measure is locked but before its plan is (the plan's row is
-- locked last, and this instance's writers of a plan queue for it: PlanWriteQueue). A foreign key to
-- plan would take a key-share lock on the plan's row, which the writer ahead in the queue then waits
-- for while this one waits for its turn. So the update's plan is checked through its measure instead:
-- (measure_id, plan_id) must be a measure of that plan, which locks the measure's row (already this
-- writer's) and not the plan's.
alter table measure add constraint measure_id_plan_id_key unique (id, plan_id);
alter table progress_update drop constraint progress_update_plan_id_fkey;
alter table progress_update drop constraint progress_update_measure_id_fkey;
alter table progress_update add constraint progress_update_measure_of_plan_fkey
    foreign key (measure_id, plan_id) references measure (id, plan_id);
