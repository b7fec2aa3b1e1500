package io.kubetutor.print;

import static io.kubetutor.print.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden describe output of daemonsets and jobs (kubectl v1.31 layouts). */
class ControllerDescribersTest {

  private static io.fabric8.kubernetes.api.model.Pod pod(String phase) {
    return new PodBuilder().withNewMetadata().withName("p-" + phase).withNamespace("kube-system").endMetadata()
        .withNewStatus().withPhase(phase).endStatus().build();
  }

  @Test
  void daemonSetCountLinesAreNotAligned() {
    var ds = new DaemonSetBuilder().withNewMetadata().withName("kube-proxy").withNamespace("kube-system")
        .addToLabels("k8s-app", "kube-proxy").addToAnnotations("deprecated.daemonset.template.generation", "1")
        .endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("k8s-app", "kube-proxy").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("k8s-app", "kube-proxy").endMetadata()
        .withNewSpec().addToNodeSelector("kubernetes.io/os", "linux")
        .addNewContainer().withName("kube-proxy").withImage("registry.k8s.io/kube-proxy:v1.31.0").endContainer()
        .endSpec().endTemplate().endSpec()
        .withNewStatus().withDesiredNumberScheduled(2).withCurrentNumberScheduled(2).withUpdatedNumberScheduled(2)
        .withNumberAvailable(1).withNumberMisscheduled(0).endStatus().build();
    var event = new EventBuilder().withNewMetadata().withName("e1").withNamespace("kube-system").endMetadata()
        .withType("Normal").withReason("SuccessfulCreate").withMessage("Created pod: kube-proxy-x2v9q")
        .withNewSource().withComponent("daemonset-controller").endSource()
        .withFirstTimestamp(Fixtures.ago(90)).withLastTimestamp(Fixtures.ago(90)).withCount(1).build();
    String out = ControllerDescribers.daemonSet(ds, List.of(pod("Running"), pod("Pending")), List.of(event), NOW);
    assertThat(out).isEqualTo("""
        Name:           kube-proxy
        Namespace:      kube-system
        Selector:       k8s-app=kube-proxy
        Node-Selector:  kubernetes.io/os=linux
        Labels:         k8s-app=kube-proxy
        Annotations:    deprecated.daemonset.template.generation: 1
        Desired Number of Nodes Scheduled: 2
        Current Number of Nodes Scheduled: 2
        Number of Nodes Scheduled with Up-to-date Pods: 2
        Number of Nodes Scheduled with Available Pods: 1
        Number of Nodes Misscheduled: 0
        Pods Status:  1 Running / 1 Waiting / 0 Succeeded / 0 Failed
        Pod Template:
          Labels:  k8s-app=kube-proxy
          Containers:
           kube-proxy:
            Image:         registry.k8s.io/kube-proxy:v1.31.0
            Port:          <none>
            Host Port:     <none>
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  kubernetes.io/os=linux
          Tolerations:     <none>
        Events:
          Type    Reason            Age   From                  Message
          ----    ------            ----  ----                  -------
          Normal  SuccessfulCreate  90s   daemonset-controller  Created pod: kube-proxy-x2v9q
        """);
  }

  @Test
  void completedJobShowsDurationAndReadyCount() {
    var job = new JobBuilder().withNewMetadata().withName("pi").withNamespace("default")
        .addToLabels("batch.kubernetes.io/job-name", "pi").endMetadata()
        .withNewSpec().withParallelism(1).withCompletions(1).withCompletionMode("NonIndexed").withSuspend(false)
        .withBackoffLimit(4).withNewSelector().addToMatchLabels("batch.kubernetes.io/controller-uid", "5c1e").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("batch.kubernetes.io/job-name", "pi").endMetadata()
        .withNewSpec().withRestartPolicy("Never").addNewContainer().withName("pi").withImage("perl:5.34.0")
        .withCommand("perl", "-Mbignum=bpi", "-wle", "print bpi(2000)").endContainer().endSpec().endTemplate()
        .endSpec()
        .withNewStatus().withStartTime("2026-01-05T09:58:00Z").withCompletionTime("2026-01-05T09:58:33Z")
        .withSucceeded(1).withReady(0).endStatus().build();
    assertThat(ControllerDescribers.job(job, List.of(), NOW)).isEqualTo("""
        Name:             pi
        Namespace:        default
        Selector:         batch.kubernetes.io/controller-uid=5c1e
        Labels:           batch.kubernetes.io/job-name=pi
        Annotations:      <none>
        Parallelism:      1
        Completions:      1
        Completion Mode:  NonIndexed
        Suspend:          false
        Backoff Limit:    4
        Start Time:       Mon, 05 Jan 2026 09:58:00 +0000
        Completed At:     Mon, 05 Jan 2026 09:58:33 +0000
        Duration:         33s
        Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
        Pod Template:
          Labels:  batch.kubernetes.io/job-name=pi
          Containers:
           pi:
            Image:      perl:5.34.0
            Port:       <none>
            Host Port:  <none>
            Command:
              perl
              -Mbignum=bpi
              -wle
              print bpi(2000)
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Events:            <none>
        """);
  }

  @Test
  void runningJobWithoutReadyCountOrCompletionsAndIndexedCap() {
    var job = new JobBuilder().withNewMetadata().withName("work").withNamespace("default").endMetadata()
        .withNewSpec().withCompletionMode("Indexed").withActiveDeadlineSeconds(100L).withTtlSecondsAfterFinished(60)
        .withNewTemplate().withNewSpec().addNewContainer().withName("w").withImage("busybox").endContainer()
        .endSpec().endTemplate().endSpec()
        .withNewStatus().withActive(2).withCompletedIndexes("0-3,5,7,9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,39,41,43")
        .endStatus().build();
    String out = ControllerDescribers.job(job, List.of(), NOW);
    assertThat(out).startsWith("""
        Name:                        work
        Namespace:                   default
        Selector:$
        Labels:                      <none>
        Annotations:                 <none>
        Completions:                 <unset>
        Completion Mode:             Indexed
        TTL Seconds After Finished:  60
        Active Deadline Seconds:     100s
        Pods Statuses:               2 Active / 0 Succeeded / 0 Failed
        Completed Indexes:           0-3,5,7,9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,...
        Pod Template:
        """.replace("$", " ".repeat(20)));
  }

  @Test
  void completedIndexesCapCutsAtTheFirstCommaAfterTheLimit() {
    assertThat(ControllerDescribers.capIndexes("", 50)).isEqualTo("<none>");
    assertThat(ControllerDescribers.capIndexes("1,2,3", 2)).isEqualTo("1,2,...");
    assertThat(ControllerDescribers.capIndexes("1,2,3", 4)).isEqualTo("1,2,3");
  }
}
