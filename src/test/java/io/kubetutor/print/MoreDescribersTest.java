package io.kubetutor.print;

import static io.kubetutor.print.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden describe output of secrets, service accounts, endpoints and claims. */
class MoreDescribersTest {

  @Test
  void secretShowsSizesNotValues() {
    var s = new SecretBuilder().withNewMetadata().withName("db").withNamespace("default").endMetadata().withType("Opaque")
        .addToData("username", "YWRtaW4=").addToData("password", "czNjcjN0IQ==").build();
    assertThat(Describers.secret(s)).isEqualTo("""
        Name:         db
        Namespace:    default
        Labels:       <none>
        Annotations:  <none>

        Type:  Opaque

        Data
        ====
        password:  7 bytes
        username:  5 bytes
        """);
  }

  @Test
  void serviceAccount() {
    var sa = new ServiceAccountBuilder().withNewMetadata().withName("default").withNamespace("default").endMetadata().build();
    assertThat(Describers.serviceAccount(sa, List.of(), NOW)).isEqualTo("""
        Name:                default
        Namespace:           default
        Labels:              <none>
        Annotations:         <none>
        Image pull secrets:  <none>
        Mountable secrets:   <none>
        Tokens:              <none>
        Events:              <none>
        """);
  }

  @Test
  void endpoints() {
    var e = new EndpointsBuilder().withNewMetadata().withName("kubernetes").withNamespace("default").endMetadata()
        .addNewSubset().addNewAddress().withIp("172.18.0.2").endAddress().addNewPort().withName("https").withPort(6443)
        .withProtocol("TCP").endPort().endSubset().build();
    assertThat(Describers.endpoints(e, List.of(), NOW)).isEqualTo("""
        Name:         kubernetes
        Namespace:    default
        Labels:       <none>
        Annotations:  <none>
        Subsets:
          Addresses:          172.18.0.2
          NotReadyAddresses:  <none>
          Ports:
            Name   Port  Protocol
            ----   ----  --------
            https  6443  TCP

        Events:  <none>
        """);
  }

  @Test
  void claimWithItsUser() {
    var c = new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").withNamespace("default")
        .addToFinalizers("kubernetes.io/pvc-protection").endMetadata()
        .withNewSpec().withStorageClassName("standard").withVolumeName("pvc-1").withAccessModes("ReadWriteOnce")
        .withVolumeMode("Filesystem").endSpec()
        .withNewStatus().withPhase("Bound").withAccessModes("ReadWriteOnce").addToCapacity("storage", new Quantity("1Gi"))
        .endStatus().build();
    var user = new PodBuilder().withNewMetadata().withName("db-0").endMetadata().withNewSpec().addNewVolume()
        .withName("d").withNewPersistentVolumeClaim().withClaimName("data").endPersistentVolumeClaim().endVolume()
        .endSpec().build();
    assertThat(Describers.persistentVolumeClaim(c, List.of(user), List.of(), NOW)).isEqualTo("""
        Name:          data
        Namespace:     default
        StorageClass:  standard
        Status:        Bound
        Volume:        pvc-1
        Labels:        <none>
        Annotations:   <none>
        Finalizers:    [kubernetes.io/pvc-protection]
        Capacity:      1Gi
        Access Modes:  RWO
        VolumeMode:    Filesystem
        Used By:       db-0
        Events:        <none>
        """);
  }
}
