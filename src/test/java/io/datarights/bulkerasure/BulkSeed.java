package io.datarights.bulkerasure;

import io.datarights.contacts.BulkContact;
import io.datarights.contacts.ExternalContactsBulkLoad;
import io.datarights.conversations.BulkConversation;
import io.datarights.conversations.ConversationsBulkLoad;
import io.datarights.outbound.OutboundBulkLoad;
import io.datarights.shared.OrgId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds people across services, fast (the services' bulk loads, COPY underneath): each person has
 * an external contact (e-mail, cell phone, Twitter handle, external id), a dialer contact (phone,
 * e-mail) and two conversations with two messages each. Even-numbered people talk by e-mail and are
 * named in the file by their e-mail address, odd-numbered ones by phone and are named by their
 * phone number, in national format: one identifier finds everything of the person.
 */
final class BulkSeed {

  /** What was seeded: the file naming the subjects, and the subjects' rows for a raw SQL delete. */
  record Seeded(
      String csv, int subjects, List<UUID> contactIds, List<UUID> contactLists, List<UUID> conversationIds,
      List<UUID> customerParticipantIds) {}

  private final ExternalContactsBulkLoad contacts;
  private final OutboundBulkLoad outbound;
  private final ConversationsBulkLoad conversations;
  private final TransactionTemplate tx;

  BulkSeed(ExternalContactsBulkLoad contacts, OutboundBulkLoad outbound, ConversationsBulkLoad conversations, TransactionTemplate tx) {
    this.contacts = contacts;
    this.outbound = outbound;
    this.conversations = conversations;
    this.tx = tx;
  }

  static String email(String group, int i) {
    return group + i + "@" + group + ".example";
  }

  /** A German mobile number, unique per group and person: +49 151 GXXXXXXX. */
  static String e164(String group, int i) {
    return String.format("+49151%d%07d", group.equals("subject") ? 1 : 2, i);
  }

  static String national(String e164) {
    return "0" + e164.substring(3, 6) + " " + e164.substring(6);
  }

  /** {@code subjects} people named in the file and {@code bystanders} people who are not. */
  Seeded seed(OrgId org, int subjects, int bystanders) {
    Seeded seeded = people(org, "subject", subjects);
    people(org, "bystander", bystanders);
    return seeded;
  }

  /** People loaded per transaction, so that a seed of 100,000 needs no more memory than one of 5,000. */
  private static final int SLICE = 5_000;

  private Seeded people(OrgId org, String group, int count) {
    StringBuilder csv = new StringBuilder("type,value\n");
    List<UUID> contactIds = new ArrayList<>();
    List<UUID> lists = new ArrayList<>();
    List<UUID> conversationIds = new ArrayList<>();
    List<UUID> customers = new ArrayList<>();
    for (int from = 0; from < count; from += SLICE) {
      slice(org, group, from, Math.min(count, from + SLICE), csv, contactIds, lists, conversationIds, customers);
    }
    return new Seeded(csv.toString(), count, contactIds, lists, conversationIds, customers);
  }

  private void slice(
      OrgId org, String group, int from, int to, StringBuilder csv, List<UUID> contactIds, List<UUID> lists,
      List<UUID> conversationIds, List<UUID> customers) {
    Instant created = Instant.parse("2026-01-05T09:00:00Z");
    List<BulkContact> contactRows = new ArrayList<>();
    List<BulkConversation> conversationRows = new ArrayList<>();
    StringBuilder dialer = new StringBuilder("firstName,lastName,phone,email\n");
    for (int i = from; i < to; i++) {
      String first = "Person" + i;
      String last = group.equals("subject") ? "Subjectson" : "Bystanderson";
      String email = email(group, i);
      String phone = e164(group, i);
      contactRows.add(new BulkContact(
          UUID.randomUUID(), first, last, email, null, phone, group + "_" + i, null, null, null, null, group + "-crm-" + i, null,
          created.plusSeconds(i)));
      dialer.append(first).append(',').append(last).append(',').append(phone).append(',').append(email).append('\n');
      boolean byEmail = i % 2 == 0;
      for (int c = 0; c < 2; c++) {
        UUID conversation = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        Instant start = created.plusSeconds(60L * i + c);
        conversationRows.add(new BulkConversation(
            conversation, byEmail ? "email" : "voice", null, start, start.plusSeconds(30),
            List.of(
                new BulkConversation.Participant(customer, "customer", first + " " + last, byEmail ? email : phone, null, null, Map.of()),
                new BulkConversation.Participant(agent, "agent", "Agent Smith", null, null, null, Map.of())),
            List.of(
                new BulkConversation.Message(UUID.randomUUID(), customer, "Hello, this is " + first, start),
                new BulkConversation.Message(UUID.randomUUID(), agent, "How can I help?", start.plusSeconds(5))),
            List.of()));
        conversationIds.add(conversation);
        customers.add(customer);
      }
      csv.append(byEmail ? "EMAIL," + (i % 4 == 0 ? email.toUpperCase() : email) : "PHONE," + national(phone)).append('\n');
    }
    tx.executeWithoutResult(status -> {
      contacts.load(org, contactRows);
      conversations.load(org, conversationRows);
      try {
        lists.add(outbound.importList(
            org, group + " list " + from, List.of("firstName", "lastName", "phone", "email"), "phone", "email",
            new ByteArrayInputStream(dialer.toString().getBytes(StandardCharsets.UTF_8))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    contactRows.forEach(c -> contactIds.add(c.id()));
  }
}
