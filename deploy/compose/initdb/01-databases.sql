-- One database per service (governance_docs is created by POSTGRES_DB).
create database action_plan owner governance;
create database reporting owner governance;
