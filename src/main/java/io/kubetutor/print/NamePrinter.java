package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ResourceKind;
import java.util.Locale;

/** cli-runtime's name printer: {@code deployment.apps/x} and {@code deployment.apps/x created}. */
public final class NamePrinter {

  private NamePrinter() {}

  /** {@code kind[.group]/name}. */
  public static String name(HasMetadata object) {
    return prefix(object) + "/" + object.getMetadata().getName();
  }

  /** {@code kind[.group]/name operation}, the line every writing verb prints. */
  public static String line(HasMetadata object, String operation) {
    return name(object) + " " + operation;
  }

  /** {@code pod}, {@code deployment.apps}: from the served kind, else from the object's own apiVersion. */
  public static String prefix(HasMetadata object) {
    return ResourceKind.forObject(object).map(ResourceKind::qualifiedSingular).orElseGet(() -> {
      String apiVersion = object.getApiVersion() == null ? "" : object.getApiVersion();
      int slash = apiVersion.indexOf('/');
      String kind = object.getKind() == null ? "" : object.getKind().toLowerCase(Locale.ROOT);
      return slash < 0 ? kind : kind + "." + apiVersion.substring(0, slash);
    });
  }
}
