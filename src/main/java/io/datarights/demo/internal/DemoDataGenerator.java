package io.datarights.demo.internal;

import io.datarights.demo.DemoData;
import io.datarights.demo.DemoScale;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

@Component
class DemoDataGenerator implements DemoData {

  private final UsersGenerator users;
  private final ContactsGenerator contacts;
  private final ConversationsGenerator conversations;
  private final JourneyGenerator journeys;
  private final OutboundGenerator outbound;
  private final Clock clock;

  DemoDataGenerator(
      UsersGenerator users,
      ContactsGenerator contacts,
      ConversationsGenerator conversations,
      JourneyGenerator journeys,
      OutboundGenerator outbound,
      Clock clock) {
    this.users = users;
    this.contacts = contacts;
    this.conversations = conversations;
    this.journeys = journeys;
    this.outbound = outbound;
    this.clock = clock;
  }

  @Override
  public String exampleEmail(long seed) {
    // Person 1 has a merged twin contact, conversations, a dialer row and a journey.
    return FakePeople.person(seed, 1).email();
  }

  @Override
  public void generate(OrgId org, long seed, DemoScale scale, Consumer<String> progress) {
    Instant now = clock.instant();
    users.generate(org, seed, scale.users(), progress);
    contacts.generate(org, seed, scale.contacts(), now, progress);
    conversations.generate(org, seed, scale.conversations(), scale.contacts(), scale.users(), now, progress);
    journeys.generate(org, seed, scale.journeyCustomers(), progress);
    outbound.generate(org, seed, scale.dialerContacts(), progress);
  }
}
