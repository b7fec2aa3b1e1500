package io.kubetutor.lesson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One declarative check of a step. {@link #type} picks what is compared; the other fields are the
 * type's parameters (unused ones stay null). Evaluated by {@link CheckEvaluator} through the Cluster
 * port, the session history and workspace files only, so lessons also work on real clusters.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class Check {
  /** exists, absent, field, count, command, file, answer. */
  public String type;
  /** Shown when the check fails: says what is missing, not how to do it. */
  public String message;
  /** Resource kind as kubectl types it (pod, deployment, deploy, ...). */
  public String kind;
  public String name;
  public String namespace;
  /** Label selector (count, and exists without a name). */
  public String selector;
  /** Pod phase a counted object must have (Running, Pending, ...). */
  public String phase;
  /** kubectl-style jsonpath ({@code {.spec.replicas}}) or a dotted path ({@code spec.replicas}). */
  public String path;
  public String equals;
  /** Regular expression the value (field, file content) must match. */
  public String matches;
  /** Numeric comparisons for field values and counts. */
  public Integer min;
  public Integer max;
  /** Regular expression a command line must match (command checks). */
  public String pattern;
  /** step: history since the step began; ever: the whole session. */
  public String scope = "step";
  /** Workspace-relative file for file checks. */
  public String file;
}
