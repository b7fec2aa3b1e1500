package io.kubetutor.sim.images;

/**
 * A failed pull, carrying the text the container runtime reports (what the kubelet puts after
 * {@code Failed to pull image "x": }).
 */
public final class ImagePullException extends Exception {

  public ImagePullException(String runtimeMessage) {
    super(runtimeMessage);
  }
}
