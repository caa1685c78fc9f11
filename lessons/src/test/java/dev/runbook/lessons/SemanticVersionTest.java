package dev.runbook.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

  @Test
  void parsesFullShortAndPrefixedForms() {
    assertThat(SemanticVersion.parse("1.0.1")).isEqualTo(new SemanticVersion(1, 0, 1));
    assertThat(SemanticVersion.parse("2.0")).isEqualTo(new SemanticVersion(2, 0, 0));
    assertThat(SemanticVersion.parse("v1.5.0")).isEqualTo(new SemanticVersion(1, 5, 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "latest", "1", "1.0.0.0", "01.2.3", "1.-2.3", "1.2.x", "one.two"})
  void rejectsGarbageInsteadOfMappingItToZero(String text) {
    assertThatThrownBy(() -> SemanticVersion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a semantic version");
  }

  @Test
  void ordersNumericallyNotLexically() {
    assertThat(SemanticVersion.parse("1.10.0")).isGreaterThan(SemanticVersion.parse("1.9.9"));
  }

  @Test
  void classifiesForwardChangesAndRefusesSameOrLower() {
    SemanticVersion current = SemanticVersion.parse("1.2.3");
    assertThat(current.changeTo(SemanticVersion.parse("1.2.4"))).contains(ChangeKind.PATCH);
    assertThat(current.changeTo(SemanticVersion.parse("1.3.0"))).contains(ChangeKind.MINOR);
    assertThat(current.changeTo(SemanticVersion.parse("2.0.0"))).contains(ChangeKind.MAJOR);
    assertThat(current.changeTo(current)).isEmpty();
    assertThat(current.changeTo(SemanticVersion.parse("1.2.2"))).isEmpty();
  }
}
