-- bench/reports: a plan of 1,000 measures, 10,000 progress updates and 5,000 documents (half adopted
-- in 2023, a fifth in consultation, the rest drafts), written straight into reporting-service's
-- event log and projections as if consumed. Variables: :plan (plan id).
insert into projected_plan (id, data, last_event_id, updated_at)
values (:'plan', jsonb_build_object('id', :'plan', 'title', 'Bänkplan med tusen åtgärder',
        'decision', jsonb_build_object('body', 'REGIONSTYRELSEN', 'date', '2022-08-17', 'paragraph', '§ 183')), 'bench', now());

insert into event_log (event_id, topic, type, subject, plan_id, entity_id, event_time, effective_date, data)
select gen_random_uuid()::text, 'actionplan.plans', 'actionplan.plan.created', :'plan', :'plan', :'plan', now(), date '2022-08-17',
       jsonb_build_object('planId', :'plan', 'plan', jsonb_build_object('id', :'plan', 'title', 'Bänkplan med tusen åtgärder',
           'ownerUnit', 'HR-avdelningen', 'decision', jsonb_build_object('body', 'REGIONSTYRELSEN', 'date', '2022-08-17', 'paragraph', '§ 183')));

insert into event_log (event_id, topic, type, subject, plan_id, entity_id, event_time, effective_date, data)
select gen_random_uuid()::text, 'actionplan.plans', 'actionplan.measure.created', :'plan', :'plan', 'm-' || i, now(), date '2022-08-17',
       jsonb_build_object('planId', :'plan', 'measureId', 'm-' || i, 'measure', jsonb_build_object('id', 'm-' || i,
           'code', i::text, 'title', 'Åtgärd ' || i || ' för ökad tillit och öppenhet', 'responsibleUnit', 'Enhet ' || (i % 40),
           'status', 'PLANNED', 'progress', 0, 'startDate', '2022-09-01', 'dueDate', (date '2023-06-01' + (i % 600))::text,
           'principles', jsonb_build_array((array['TRUST','CITIZEN_FOCUS','HOLISTIC_VIEW','DISCRETION','SUPPORT','KNOWLEDGE','OPENNESS'])[1 + i % 7]),
           'documentIds', '[]'::jsonb))
from generate_series(1, 1000) i;

insert into event_log (event_id, topic, type, subject, plan_id, entity_id, event_time, effective_date, data)
select gen_random_uuid()::text, 'actionplan.plans', 'actionplan.progress.reported', :'plan', :'plan', 'm-' || (1 + n % 1000), now(),
       date '2023-01-01' + (n % 240),
       jsonb_build_object('planId', :'plan', 'measureId', 'm-' || (1 + n % 1000),
           'update', jsonb_build_object('id', gen_random_uuid(), 'date', (date '2023-01-01' + (n % 240))::text, 'author', 'Bänk',
               'status', (array['IN_PROGRESS','BLOCKED','DONE'])[1 + n % 3], 'progress', n % 101,
               'text', 'Uppföljning ' || n || ': arbetet med handlingsutrymme och stöd går framåt för medarbetarna.',
               'obstacles', case when n % 7 = 0 then 'Resurser saknas under våren.' end,
               'nextSteps', 'Fortsätta översynen av rutiner.', 'example', n % 100 = 0),
           'measure', jsonb_build_object('id', 'm-' || (1 + n % 1000), 'code', (1 + n % 1000)::text,
               'title', 'Åtgärd ' || (1 + n % 1000) || ' för ökad tillit och öppenhet', 'status', 'IN_PROGRESS', 'progress', n % 101,
               'principles', jsonb_build_array('TRUST')))
from generate_series(1, 10000) n;

insert into event_log (event_id, topic, type, subject, plan_id, entity_id, event_time, effective_date, data)
select gen_random_uuid()::text, 'governance.documents', 'governance.document.created', 'd-' || i, null, 'd-' || i, now(),
       date '2023-01-01' + (i % 200),
       jsonb_build_object('document', jsonb_build_object('id', 'd-' || i, 'diaryNumber', 'BENCH/' || i || '/2023',
           'title', 'Styrdokument ' || i || ' om tillitsbaserad styrning', 'type', 'POLICY', 'status', 'DRAFT',
           'ownerUnit', 'Enhet ' || (i % 40), 'principles', jsonb_build_array(jsonb_build_object('principle',
               (array['TRUST','CITIZEN_FOCUS','HOLISTIC_VIEW','DISCRETION','SUPPORT','KNOWLEDGE','OPENNESS'])[1 + i % 7]))),
       'changes', '[]'::jsonb)
from generate_series(1, 5000) i;

insert into event_log (event_id, topic, type, subject, plan_id, entity_id, event_time, effective_date, data)
select gen_random_uuid()::text, 'governance.documents', 'governance.document.adopted', 'd-' || i, null, 'd-' || i, now(),
       date '2023-01-01' + (i % 200) + 10,
       jsonb_build_object('document', jsonb_build_object('id', 'd-' || i, 'diaryNumber', 'BENCH/' || i || '/2023',
           'title', 'Styrdokument ' || i || ' om tillitsbaserad styrning', 'type', 'POLICY', 'status', 'ADOPTED',
           'ownerUnit', 'Enhet ' || (i % 40), 'reviewDue', (date '2023-09-01' + (i % 500))::text,
           'decision', jsonb_build_object('body', 'REGIONFULLMAKTIGE', 'date', (date '2023-01-01' + (i % 200) + 10)::text, 'paragraph', '§ ' || (i % 200)),
           'principles', jsonb_build_array(jsonb_build_object('principle', 'TRUST'))),
           'version', jsonb_build_object('number', 1, 'decision', jsonb_build_object('body', 'REGIONFULLMAKTIGE',
               'date', (date '2023-01-01' + (i % 200) + 10)::text, 'paragraph', '§ ' || (i % 200))))
from generate_series(1, 2500) i;

insert into event_log (event_id, topic, type, subject, plan_id, entity_id, event_time, effective_date, data)
select gen_random_uuid()::text, 'governance.documents', 'governance.document.consultation-opened', 'd-' || i, null, 'd-' || i, now(),
       date '2023-05-01',
       jsonb_build_object('document', jsonb_build_object('id', 'd-' || i, 'diaryNumber', 'BENCH/' || i || '/2023',
           'title', 'Styrdokument ' || i || ' om tillitsbaserad styrning', 'type', 'POLICY', 'status', 'IN_CONSULTATION',
           'principles', jsonb_build_array(jsonb_build_object('principle', 'OPENNESS'))),
           'consultation', jsonb_build_object('id', gen_random_uuid(), 'deadline', '2023-10-31', 'recipients', jsonb_build_array('Vision', 'Kommunal')))
from generate_series(2501, 3500) i;
analyze event_log;
