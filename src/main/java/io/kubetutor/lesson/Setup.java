package io.kubetutor.lesson;

import java.util.List;
import java.util.Map;

/**
 * The state a lesson starts from: manifests applied to the cluster (paths relative to the lesson),
 * images published in the simulated registry (tag to Dockerfile path), files placed in the workspace
 * (workspace name to lesson path), and the simulator seed for reproducible names.
 */
public record Setup(List<String> manifests, Map<String, String> images, Map<String, String> files, long seed) {

  public static final Setup EMPTY = new Setup(List.of(), Map.of(), Map.of(), 1);
}
