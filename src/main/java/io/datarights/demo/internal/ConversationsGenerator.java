package io.datarights.demo.internal;

import io.datarights.conversations.BulkConversation;
import io.datarights.conversations.ConversationsBulkLoad;
import io.datarights.shared.OrgId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Interactions of the generated people with the generated agents, over every medium: voice calls
 * from their phone, e-mails from a case variant of their address, WhatsApp chats linked to their
 * contact (every hundredth with a photo), web chats whose custom attributes hold an e-mail address
 * (personal data where the GDPR API does not look: for the PII scanner to find).
 */
@Component
class ConversationsGenerator {

  private static final int BATCH = 5_000;
  static final int FILE_EVERY = 100;

  private final ConversationsBulkLoad conversations;
  private final TransactionTemplate tx;

  ConversationsGenerator(ConversationsBulkLoad conversations, TransactionTemplate tx) {
    this.conversations = conversations;
    this.tx = tx;
  }

  void generate(OrgId org, long seed, long count, long people, long agents, Instant now, Consumer<String> out) {
    Progress progress = new Progress("conversations", count, out);
    List<BulkConversation> batch = new ArrayList<>(BATCH);
    for (long i = 0; i < count; i++) {
      long n = i % Math.max(1, people);
      batch.add(conversation(org, seed, i, n, agents, now));
      if (batch.size() >= BATCH) {
        flush(org, batch);
        progress.update(i + 1);
      }
    }
    flush(org, batch);
    progress.update(count);
  }

  private static BulkConversation conversation(OrgId org, long seed, long i, long n, long agents, Instant now) {
    FakePeople.Person p = FakePeople.person(seed, n);
    UUID id = id("conversation", org, seed, i);
    UUID customer = id("customer", org, seed, i);
    UUID agent = id("agent", org, seed, i);
    long agentNumber = agents == 0 ? 0 : i % agents;
    String agentUser = agents == 0 ? null : UsersGenerator.userId(org, seed, agentNumber).toString();
    String contact = ContactsGenerator.contactId(org, seed, n).toString();
    Instant start = now.minus(Duration.ofMinutes(7 * i + 1));
    Instant end = start.plus(Duration.ofMinutes(6));
    BulkConversation.Participant agentPart =
        new BulkConversation.Participant(agent, "agent", "Agent " + agentNumber, null, agentUser, null, Map.of());
    List<BulkConversation.Message> messages = new ArrayList<>();
    List<BulkConversation.File> files = new ArrayList<>();
    String media;
    String messenger = null;
    BulkConversation.Participant customerPart;
    switch ((int) (i % 10)) {
      case 0, 1, 2, 3 -> {
        media = "voice";
        customerPart = new BulkConversation.Participant(customer, "customer", p.fullName(), p.phoneNational(), null, null, Map.of());
      }
      case 4, 5, 6 -> {
        media = "email";
        customerPart = new BulkConversation.Participant(customer, "customer", p.fullName(), p.emailVariant(), null, null, Map.of());
        messages.add(message(org, seed, i, 0, customer, "Hello, about my order " + i + " ...", start));
        messages.add(message(org, seed, i, 1, agent, "Thank you, we are looking into it.", end));
      }
      case 7, 8 -> {
        media = "message";
        messenger = "whatsapp";
        customerPart = new BulkConversation.Participant(customer, "customer", p.fullName(), p.phoneE164(), null, contact, Map.of());
        messages.add(message(org, seed, i, 0, customer, "Hi! Parcel " + i + " arrived damaged.", start));
        if ((i / 10) % FILE_EVERY == 0) {
          byte[] photo = ("fake photo of parcel " + i + " sent by person " + n).getBytes(StandardCharsets.UTF_8);
          files.add(new BulkConversation.File(id("file", org, seed, i), customer, "attachment", "parcel-" + i + ".jpg", "image/jpeg", photo));
        }
      }
      default -> {
        media = "webchat";
        customerPart =
            new BulkConversation.Participant(
                customer, "customer", p.firstName(), "visitor-" + n, null, contact, Map.of("callbackEmail", p.email()));
        messages.add(message(org, seed, i, 0, customer, "Can you call me back?", start));
      }
    }
    return new BulkConversation(id, media, messenger, start, end, List.of(customerPart, agentPart), messages, files);
  }

  private static BulkConversation.Message message(OrgId org, long seed, long i, int k, UUID participant, String body, Instant at) {
    return new BulkConversation.Message(id("message" + k, org, seed, i), participant, body, at);
  }

  static UUID id(String what, OrgId org, long seed, long n) {
    return UUID.nameUUIDFromBytes((what + "/" + org + "/" + seed + "/" + n).getBytes(StandardCharsets.UTF_8));
  }

  private void flush(OrgId org, List<BulkConversation> batch) {
    if (!batch.isEmpty()) {
      tx.executeWithoutResult(status -> conversations.load(org, batch));
      batch.clear();
    }
  }
}
