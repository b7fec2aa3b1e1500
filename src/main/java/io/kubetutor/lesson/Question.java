package io.kubetutor.lesson;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A question a step asks. Multiple choice: {@code choices} lists options, {@code answer} is the
 * letter of the right one (a, b, c ...). Short answer: no choices, {@code accept} lists regular
 * expressions, any of which (matched case-insensitively against the whole trimmed answer) is right.
 */
public record Question(String prompt, List<String> choices, String answer, List<String> accept) {

  public boolean multipleChoice() {
    return !choices.isEmpty();
  }

  /** True when {@code given} is a right answer. */
  public boolean isCorrect(String given) {
    if (given == null) return false;
    String g = given.strip();
    if (multipleChoice()) {
      return g.toLowerCase(Locale.ROOT).equals(answer.toLowerCase(Locale.ROOT));
    }
    for (String a : accept) {
      if (Pattern.compile(a, Pattern.CASE_INSENSITIVE).matcher(g).matches()) return true;
    }
    return false;
  }

  /** The letter shown before choice {@code i}. */
  public static String letter(int i) {
    return String.valueOf((char) ('a' + i));
  }
}
