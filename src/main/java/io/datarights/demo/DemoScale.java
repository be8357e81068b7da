package io.datarights.demo;

/**
 * How much data to generate. {@link #DEMO} is what {@code --demo} loads; the scale runs of the
 * benchmarks use up to a million contacts and five million conversations.
 */
public record DemoScale(long contacts, long conversations, long users, long dialerContacts, long journeyCustomers) {

  public static final DemoScale DEMO = new DemoScale(300, 600, 20, 200, 50);
}
