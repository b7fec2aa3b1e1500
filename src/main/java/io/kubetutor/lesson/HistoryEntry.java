package io.kubetutor.lesson;

import java.time.Instant;
import java.util.List;

/** A command the session ran, for lesson checks ("the student deleted two pods"). */
public record HistoryEntry(String line, List<String> words, int exitCode, Instant clusterTime) {}
