package io.datarights.identifiers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the in-process cost of normalizing one identifier, which every write to the index and
 * every subject search pays before its one index query (run by {@code benchmark/InProcessBenchmarks}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NormalizationJmh {

  String nationalPhone = "030 1234567";
  String internationalPhone = "+1 (317) 555-0123";
  String email = "  Erika.Mustermann@Example.COM ";
  String name = "Mustermann, Erika-Zoë";

  @Benchmark
  public Object phoneInNationalFormat() {
    return Normalization.normalize(IdentifierKind.PHONE, nationalPhone, "DE");
  }

  @Benchmark
  public Object phoneInInternationalFormat() {
    return Normalization.normalize(IdentifierKind.PHONE, internationalPhone, "DE");
  }

  @Benchmark
  public Object email() {
    return Normalization.normalize(IdentifierKind.EMAIL, email, "DE");
  }

  @Benchmark
  public Object name() {
    return Normalization.normalize(IdentifierKind.NAME, name, "DE");
  }
}
