package io.datarights.contacts.internal;

import io.datarights.contacts.ExternalContacts;
import io.datarights.privacy.RelatedSubjects;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectType;
import io.datarights.shared.OrgId;
import java.util.List;
import org.springframework.stereotype.Component;

/** The members of an external contact's merge set are one person: requests fan out over them. */
@Component
class MergeSetRelatedSubjects implements RelatedSubjects {

  private final ExternalContacts contacts;

  MergeSetRelatedSubjects(ExternalContacts contacts) {
    this.contacts = contacts;
  }

  @Override
  public List<SubjectRef> relatedTo(OrgId org, SubjectRef ref) {
    if (ref.type() != SubjectType.EXTERNAL_CONTACT) {
      return List.of(ref);
    }
    List<SubjectRef> members = contacts.mergeSetOf(org, ref.id()).stream().map(SubjectRef::externalContact).toList();
    return members.isEmpty() ? List.of(ref) : members;
  }
}
