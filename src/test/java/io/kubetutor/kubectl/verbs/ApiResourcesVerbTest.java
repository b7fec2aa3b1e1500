package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiResourcesVerbTest {

  @TempDir Path dir;

  @Test
  void filtersAndFormats() {
    ReadVerbs kubectl = new ReadVerbs(new ReadFakeCluster(), dir);
    assertThat(kubectl.run("kubectl api-resources --api-group=apps").out()).isEqualTo(
        "NAME          SHORTNAMES   APIVERSION   NAMESPACED   KIND\n"
            + "daemonsets    ds           apps/v1      true         DaemonSet\n"
            + "deployments   deploy       apps/v1      true         Deployment\n"
            + "replicasets   rs           apps/v1      true         ReplicaSet\n");
    assertThat(kubectl.run("kubectl api-resources --namespaced=false -o name").out()).isEqualTo(
        "namespaces\nnodes\npersistentvolumes\nstorageclasses.storage.k8s.io\n");
    assertThat(kubectl.run("kubectl api-resources --api-group=batch -o wide").out()).isEqualTo(
        "NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND   VERBS                                                        "
            + "CATEGORIES\njobs                batch/v1     true         Job    "
            + "create,delete,deletecollection,get,list,patch,update,watch   all\n");
  }
}
