-- Related requests as sets: the requests one merge-set fan-out filed are one set, and each lists
-- every other member of its sets as related. A set of n is n rows; the pairs it replaces were
-- n(n-1) rows (159,600 for a set of 400). A request answered as a duplicate in flight joins the
-- new set too, so it may belong to several.
create table gdpr_request_set_members (
  org_id     uuid not null,
  set_id     uuid not null,
  request_id uuid not null,
  primary key (org_id, set_id, request_id),
  foreign key (org_id, request_id) references gdpr_requests (org_id, request_id) on delete cascade
);
create index gdpr_request_set_members_request on gdpr_request_set_members (org_id, request_id);

-- Every pair linked before becomes a set of two: exactly the links there were.
insert into gdpr_request_set_members (org_id, set_id, request_id)
select p.org_id, p.set_id, m.request_id
from (select org_id, request_id, related_id, gen_random_uuid() as set_id
      from gdpr_related_requests where request_id < related_id) p
cross join lateral (values (p.request_id), (p.related_id)) as m(request_id);

drop table gdpr_related_requests;
