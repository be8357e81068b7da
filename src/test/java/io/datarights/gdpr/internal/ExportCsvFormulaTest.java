package io.datarights.gdpr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The export CSV writer's defence against formula injection (OWASP "CSV Injection"). */
class ExportCsvFormulaTest {

  @Test
  void aCellStartingWithAnyOfOwaspsFormulaCharactersIsShownAsText() {
    for (String formula : new String[] {"=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"}) {
      assertThat(ExportPart.neutralized(formula)).isEqualTo("'" + formula);
    }
  }

  @Test
  void otherCellsAreLeftAsTheyAre() {
    for (String text : new String[] {"", "Erika", " =1+1", "{\"a\":\"=1\"}", "1+1", "'quoted"}) {
      assertThat(ExportPart.neutralized(text)).isEqualTo(text);
    }
  }
}
