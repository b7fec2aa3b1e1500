package io.kubetutor.lesson.check;

import io.kubetutor.lesson.Question;

/** The student answered the step's question correctly ({@code lesson answer TEXT}). */
public record AnswerCheck(Question question, String message) implements Check {

  @Override
  public String description() {
    return "answered the question";
  }

  @Override
  public String failureMessage() {
    return message != null ? message : "answer the question with: lesson answer " + (question.multipleChoice() ? "LETTER" : "TEXT");
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    if (context.answer() == null) return CheckResult.fail("not answered yet");
    return question.isCorrect(context.answer()) ? CheckResult.pass("answer " + context.answer() + " is right")
        : CheckResult.fail("answer " + context.answer() + " is not right");
  }
}
