-- Art. 12(3): the one-month deadline may be extended by up to two further months, with reasons,
-- if the data subject is told within the first month.
alter table gdpr_requests add column original_due_date date;
alter table gdpr_requests add column extension_reason text;
update gdpr_requests set original_due_date = due_date;
alter table gdpr_requests alter column original_due_date set not null;
create index gdpr_requests_open_due on gdpr_requests (org_id, due_date) where status not in ('COMPLETED', 'ERROR');
