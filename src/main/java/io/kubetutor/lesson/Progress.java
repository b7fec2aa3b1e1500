package io.kubetutor.lesson;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a student has done, by lesson id: the step reached, the steps passed, answers given and
 * hints used. Serialised as {@code ~/.kubetutor/progress.json} by {@link ProgressStore}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class Progress {

  public int version = 1;
  /** The lesson that was open last, resumed by {@code lesson} without a name. */
  public String current;
  public Map<String, LessonProgress> lessons = new LinkedHashMap<>();

  /** One lesson's progress. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public static final class LessonProgress {
    /** Index of the step the student is on (0-based). */
    public int step;
    /** Ids of the steps whose checks all passed. */
    public List<String> passed = new ArrayList<>();
    /** Step id to the last answer given. */
    public Map<String, String> answers = new LinkedHashMap<>();
    /** Step id to the number of hints revealed. */
    public Map<String, Integer> hints = new LinkedHashMap<>();
    /** Step ids whose solution was shown. */
    public List<String> solutionsShown = new ArrayList<>();
    public boolean completed;
  }

  public LessonProgress of(String lessonId) {
    return lessons.computeIfAbsent(lessonId, k -> new LessonProgress());
  }
}
