package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The persistent-volume controller with the cluster's dynamic provisioner: a PVC of a known
 * StorageClass (or of the default class when it names none) gets a new PV {@code pvc-<uid>} of the
 * requested size and access modes, and both become Bound; a PVC naming an unknown class stays
 * Pending with the real ProvisioningFailed event; a released PV with reclaim policy Delete goes
 * when its claim is deleted.
 */
public final class PersistentVolumeBinder implements Reconciler {

  public static final String DEFAULT_CLASS = "standard";
  public static final String PROVISIONER = "k8s.io/minikube-hostpath";
  static final String DEFAULT_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

  private final ControlPlane cp;

  public PersistentVolumeBinder(ControlPlane cp) {
    this.cp = cp;
  }

  /** The default StorageClass the simulated cluster starts with. */
  public static StorageClass defaultStorageClass() {
    return new StorageClassBuilder().withNewMetadata().withName(DEFAULT_CLASS)
        .withAnnotations(Map.of(DEFAULT_ANNOTATION, "true")).endMetadata()
        .withProvisioner(PROVISIONER).withReclaimPolicy("Delete").withVolumeBindingMode("Immediate").build();
  }

  @Override public String name() { return "persistentvolume-controller"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    if (event.object() instanceof PersistentVolumeClaim pvc) {
      enqueue.accept(ObjectKey.of(pvc));
      if (event.type() == WatchEvent.Type.DELETED && pvc.getSpec().getVolumeName() != null) {
        enqueue.accept(new ObjectKey(ResourceKind.PERSISTENTVOLUME, "", pvc.getSpec().getVolumeName()));
      }
    } else if (event.object() instanceof StorageClass) {
      // A class created later lets pending claims of that class provision now.
      for (PersistentVolumeClaim pvc : cp.store().list(PersistentVolumeClaim.class, null, null)) {
        if (pvc.getSpec().getVolumeName() == null) enqueue.accept(ObjectKey.of(pvc));
      }
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    if (key.kind() == ResourceKind.PERSISTENTVOLUME) {
      reclaim(key);
      return;
    }
    if (key.kind() != ResourceKind.PERSISTENTVOLUMECLAIM) return;
    PersistentVolumeClaim pvc = cp.store().get(PersistentVolumeClaim.class, key.namespace(), key.name());
    if (pvc == null || pvc.getMetadata().getDeletionTimestamp() != null) return;
    if (pvc.getSpec().getVolumeName() != null && !pvc.getSpec().getVolumeName().isEmpty()) {
      if (!"Bound".equals(pvc.getStatus() == null ? null : pvc.getStatus().getPhase())) bindStatus(pvc);
      return;
    }
    String className = pvc.getSpec().getStorageClassName();
    StorageClass sc = className == null ? defaultClass() : cp.store().get(StorageClass.class, null, className);
    if (sc == null) {
      pending(pvc);
      if (className != null && !className.isEmpty()) {
        cp.event(pvc, null, "Warning", "ProvisioningFailed", "storageclass.storage.k8s.io \"" + className + "\" not found",
            name(), null);
      } else {
        cp.event(pvc, null, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set",
            name(), null);
      }
      return;
    }
    provision(pvc, sc);
  }

  private StorageClass defaultClass() {
    for (StorageClass sc : cp.store().list(StorageClass.class, null, null)) {
      if (sc.getMetadata().getAnnotations() != null && "true".equals(sc.getMetadata().getAnnotations().get(DEFAULT_ANNOTATION))) return sc;
    }
    return null;
  }

  private void pending(PersistentVolumeClaim pvc) {
    if (pvc.getStatus() != null && "Pending".equals(pvc.getStatus().getPhase())) return;
    PersistentVolumeClaim copy = Objects.copy(pvc);
    if (copy.getStatus() == null) copy.setStatus(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus());
    copy.getStatus().setPhase("Pending");
    cp.store().updateStatus(copy);
  }

  private void provision(PersistentVolumeClaim pvc, StorageClass sc) {
    String ns = pvc.getMetadata().getNamespace();
    String claim = ns + "/" + pvc.getMetadata().getName();
    String pvName = "pvc-" + pvc.getMetadata().getUid();
    Quantity size = pvc.getSpec().getResources() != null && pvc.getSpec().getResources().getRequests() != null
        ? pvc.getSpec().getResources().getRequests().get("storage") : null;
    if (size == null) size = new Quantity("1Gi");
    List<String> modes = pvc.getSpec().getAccessModes() == null || pvc.getSpec().getAccessModes().isEmpty()
        ? List.of("ReadWriteOnce") : pvc.getSpec().getAccessModes();
    cp.event(pvc, null, "Normal", "Provisioning", "External provisioner is provisioning volume for claim \"" + claim + "\"",
        sc.getProvisioner() + "_" + "kubetutor-control-plane", null);
    if (cp.store().get(PersistentVolume.class, null, pvName) == null) {
      cp.store().create(new PersistentVolumeBuilder().withNewMetadata().withName(pvName)
          .withAnnotations(Map.of("pv.kubernetes.io/provisioned-by", sc.getProvisioner())).endMetadata()
          .withNewSpec().withCapacity(Map.of("storage", size)).withAccessModes(modes)
          .withPersistentVolumeReclaimPolicy(sc.getReclaimPolicy() == null ? "Delete" : sc.getReclaimPolicy())
          .withStorageClassName(sc.getMetadata().getName()).withVolumeMode("Filesystem")
          .withNewHostPath().withPath("/tmp/hostpath-provisioner/" + ns + "/" + pvc.getMetadata().getName()).withType("").endHostPath()
          .withNewClaimRef().withKind("PersistentVolumeClaim").withApiVersion("v1").withNamespace(ns)
          .withName(pvc.getMetadata().getName()).withUid(pvc.getMetadata().getUid()).endClaimRef()
          .endSpec().build());
    }
    PersistentVolume pv = cp.store().get(PersistentVolume.class, null, pvName);
    PersistentVolume pvCopy = Objects.copy(pv);
    if (pvCopy.getStatus() == null) pvCopy.setStatus(new io.fabric8.kubernetes.api.model.PersistentVolumeStatus());
    pvCopy.getStatus().setPhase("Bound");
    cp.store().updateStatus(pvCopy);
    cp.event(pvc, null, "Normal", "ProvisioningSucceeded", "Successfully provisioned volume " + pvName,
        sc.getProvisioner() + "_" + "kubetutor-control-plane", null);

    PersistentVolumeClaim copy = Objects.copy(pvc);
    Map<String, String> ann = new LinkedHashMap<>(copy.getMetadata().getAnnotations() == null ? Map.of() : copy.getMetadata().getAnnotations());
    ann.put("pv.kubernetes.io/bind-completed", "yes");
    ann.put("pv.kubernetes.io/bound-by-controller", "yes");
    ann.put("volume.beta.kubernetes.io/storage-provisioner", sc.getProvisioner());
    ann.put("volume.kubernetes.io/storage-provisioner", sc.getProvisioner());
    copy.getMetadata().setAnnotations(ann);
    copy.getSpec().setVolumeName(pvName);
    if (copy.getSpec().getStorageClassName() == null) copy.getSpec().setStorageClassName(sc.getMetadata().getName());
    PersistentVolumeClaim updated = (PersistentVolumeClaim) cp.store().update(copy);
    bindStatus(updated);
    cp.trace(name(), "provisioned " + pvName + " (" + size + ") for claim " + claim);
  }

  private void bindStatus(PersistentVolumeClaim pvc) {
    PersistentVolume pv = cp.store().get(PersistentVolume.class, null, pvc.getSpec().getVolumeName());
    if (pv == null) return;
    PersistentVolumeClaim copy = Objects.copy(pvc);
    if (copy.getStatus() == null) copy.setStatus(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus());
    copy.getStatus().setPhase("Bound");
    copy.getStatus().setCapacity(pv.getSpec().getCapacity());
    copy.getStatus().setAccessModes(pv.getSpec().getAccessModes());
    cp.store().updateStatus(copy);
  }

  /** A PV whose claim is gone: Delete removes it, Retain leaves it Released. */
  private void reclaim(ObjectKey key) {
    PersistentVolume pv = cp.store().get(PersistentVolume.class, null, key.name());
    if (pv == null || pv.getSpec().getClaimRef() == null) return;
    var ref = pv.getSpec().getClaimRef();
    PersistentVolumeClaim claim = cp.store().get(PersistentVolumeClaim.class, ref.getNamespace(), ref.getName());
    if (claim != null && claim.getMetadata().getUid().equals(ref.getUid())) return;
    if ("Delete".equals(pv.getSpec().getPersistentVolumeReclaimPolicy())) {
      cp.store().delete(key, DeleteOptions.DEFAULT);
      cp.trace(name(), "deleted " + key.name() + ": its claim is gone and the reclaim policy is Delete");
    } else if (!"Released".equals(pv.getStatus() == null ? null : pv.getStatus().getPhase())) {
      PersistentVolume copy = Objects.copy(pv);
      copy.getStatus().setPhase("Released");
      cp.store().updateStatus(copy);
    }
  }
}
