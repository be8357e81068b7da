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

  private final ContactsGenerator contacts;
  private final ConversationsGenerator conversations;
  private final Clock clock;

  DemoDataGenerator(ContactsGenerator contacts, ConversationsGenerator conversations, Clock clock) {
    this.contacts = contacts;
    this.conversations = conversations;
    this.clock = clock;
  }

  @Override
  public void generate(OrgId org, long seed, DemoScale scale, Consumer<String> progress) {
    Instant now = clock.instant();
    contacts.generate(org, seed, scale.contacts(), now, progress);
    conversations.generate(org, seed, scale.conversations(), scale.contacts(), scale.users(), now, progress);
  }
}
