package io.kubetutor.sim.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.sim.ControlPlane;

/** The simulator's write path: defaulting and mutating admission, then validation. */
public final class ApiAdmission implements Admission {

  private final ApiDefaults defaults;
  private final ApiValidation validation = new ApiValidation();

  public ApiAdmission(ControlPlane plane) {
    this.defaults = new ApiDefaults(plane);
  }

  @Override
  public void admit(ResourceKind kind, HasMetadata object, HasMetadata old) {
    defaults.apply(kind, object, old);
    validation.validate(kind, object, old);
  }
}
