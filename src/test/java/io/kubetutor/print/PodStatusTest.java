package io.kubetutor.print;

import static io.kubetutor.print.Fixtures.NOW;
import static io.kubetutor.print.Fixtures.ago;
import static io.kubetutor.print.Fixtures.pod;
import static io.kubetutor.print.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

/** Every STATUS/READY/RESTARTS case of the pod printer (reference §2). */
class PodStatusTest {

  private static ContainerStatus waiting(String name, String reason) {
    return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(0)
        .withNewState().withNewWaiting().withReason(reason).endWaiting().endState().build();
  }

  private static ContainerStatus terminated(String name, int exit, String reason, Integer signal) {
    return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(0)
        .withNewState().withNewTerminated().withExitCode(exit).withReason(reason).withSignal(signal)
        .endTerminated().endState().build();
  }

  private static PodStatus status(Pod p) {
    return PodStatus.of(p);
  }

  @Test
  void pendingWithoutContainerStatuses() {
    Pod p = new PodBuilder(pod("p", 1)).editSpec().addNewContainer().withName("c").endContainer().endSpec()
        .editStatus().withPhase("Pending").endStatus().build();
    assertThat(status(p).reason()).isEqualTo("Pending");
    assertThat(status(p).readyCell()).isEqualTo("0/1");
  }

  @Test
  void waitingReasonsShowAsStatus() {
    for (String r : new String[] {"ContainerCreating", "CrashLoopBackOff", "ErrImagePull", "ImagePullBackOff",
        "CreateContainerConfigError", "PodInitializing"}) {
      assertThat(status(pod("p", 1, waiting("c", r))).reason()).isEqualTo(r);
    }
  }

  @Test
  void terminatedReasonsAndExitCodes() {
    assertThat(status(pod("p", 1, terminated("c", 0, "Completed", null))).reason()).isEqualTo("Completed");
    assertThat(status(pod("p", 1, terminated("c", 1, "Error", null))).reason()).isEqualTo("Error");
    assertThat(status(pod("p", 1, terminated("c", 137, "OOMKilled", null))).reason()).isEqualTo("OOMKilled");
    assertThat(status(pod("p", 1, terminated("c", 2, null, null))).reason()).isEqualTo("ExitCode:2");
    assertThat(status(pod("p", 1, terminated("c", 0, null, 9))).reason()).isEqualTo("Signal:9");
  }

  @Test
  void earliestContainerWithAReasonWins() {
    PodStatus s = status(pod("p", 1, waiting("a", "ErrImagePull"), waiting("b", "ContainerCreating")));
    assertThat(s.reason()).isEqualTo("ErrImagePull");
    assertThat(s.readyCell()).isEqualTo("0/2");
  }

  @Test
  void completedWithARunningContainerIsRunningOrNotReady() {
    Pod p = pod("p", 1, terminated("a", 0, "Completed", null), running("b", true, 0));
    assertThat(status(p).reason()).isEqualTo("NotReady");
    Pod ready = new PodBuilder(p).editStatus().addNewCondition().withType("Ready").withStatus("True").endCondition()
        .endStatus().build();
    assertThat(status(ready).reason()).isEqualTo("Running");
    assertThat(status(ready).readyCell()).isEqualTo("1/2");
  }

  @Test
  void initContainers() {
    Pod base = new PodBuilder(pod("p", 1, waiting("main", "PodInitializing"))).editSpec()
        .addNewInitContainer().withName("init1").endInitContainer()
        .addNewInitContainer().withName("init2").endInitContainer().endSpec()
        .editStatus().withPhase("Pending").endStatus().build();
    Pod firstRunning = new PodBuilder(base).editStatus().addToInitContainerStatuses(running("init1", false, 0)).endStatus().build();
    assertThat(status(firstRunning).reason()).isEqualTo("Init:0/2");
    Pod secondRunning = new PodBuilder(base).editStatus().addToInitContainerStatuses(
        terminated("init1", 0, "Completed", null), running("init2", false, 0)).endStatus().build();
    assertThat(status(secondRunning).reason()).isEqualTo("Init:1/2");
    Pod failed = new PodBuilder(base).editStatus().addToInitContainerStatuses(terminated("init1", 1, "Error", null))
        .endStatus().build();
    assertThat(status(failed).reason()).isEqualTo("Init:Error");
    Pod exitCode = new PodBuilder(base).editStatus().addToInitContainerStatuses(terminated("init1", 3, null, null))
        .endStatus().build();
    assertThat(status(exitCode).reason()).isEqualTo("Init:ExitCode:3");
    Pod signal = new PodBuilder(base).editStatus().addToInitContainerStatuses(terminated("init1", 143, null, 15))
        .endStatus().build();
    assertThat(status(signal).reason()).isEqualTo("Init:Signal:15");
    Pod backoff = new PodBuilder(base).editStatus().addToInitContainerStatuses(waiting("init1", "CrashLoopBackOff"))
        .endStatus().build();
    assertThat(status(backoff).reason()).isEqualTo("Init:CrashLoopBackOff");
    Pod done = new PodBuilder(base).editStatus().addToInitContainerStatuses(
        terminated("init1", 0, "Completed", null), terminated("init2", 0, "Completed", null)).endStatus().build();
    assertThat(status(done).reason()).isEqualTo("PodInitializing");
  }

  @Test
  void sidecarsCountInReadyAndRestarts() {
    ContainerStatus sidecar = new ContainerStatusBuilder(running("proxy", true, 2)).withStarted(true)
        .withNewLastState().withNewTerminated().withExitCode(1).withFinishedAt(ago(300)).endTerminated().endLastState()
        .build();
    Pod p = new PodBuilder(pod("p", 1, running("main", true, 0))).editSpec()
        .addNewInitContainer().withName("proxy").withRestartPolicy("Always").endInitContainer().endSpec()
        .editStatus().addToInitContainerStatuses(sidecar)
        .addNewCondition().withType("Initialized").withStatus("True").endCondition().endStatus().build();
    PodStatus s = status(p);
    assertThat(s.reason()).isEqualTo("Running");
    assertThat(s.readyCell()).isEqualTo("2/2");
    assertThat(s.restartsCell(NOW)).isEqualTo("2 (5m ago)");
  }

  @Test
  void completedInitContainersDoNotCountRestarts() {
    ContainerStatus init = new ContainerStatusBuilder(terminated("init", 0, "Completed", null)).withRestartCount(4).build();
    Pod p = new PodBuilder(pod("p", 1, running("main", true, 0))).editSpec()
        .addNewInitContainer().withName("init").endInitContainer().endSpec()
        .editStatus().addToInitContainerStatuses(init).endStatus().build();
    assertThat(status(p).restartsCell(NOW)).isEqualTo("0");
  }

  @Test
  void restartsWithAndWithoutLastTermination() {
    assertThat(status(pod("p", 1, running("c", true, 5))).restartsCell(NOW)).isEqualTo("5");
    ContainerStatus s = new ContainerStatusBuilder(waiting("c", "CrashLoopBackOff")).withRestartCount(12)
        .withNewLastState().withNewTerminated().withExitCode(1).withFinishedAt(ago(150)).endTerminated().endLastState()
        .build();
    PodStatus st = status(pod("p", 1, s));
    assertThat(st.reason()).isEqualTo("CrashLoopBackOff");
    assertThat(st.restartsCell(NOW)).isEqualTo("12 (2m30s ago)");
  }

  @Test
  void deletionOverrides() {
    Pod deleting = new PodBuilder(pod("p", 1, running("c", true, 0))).editMetadata().withDeletionTimestamp(ago(1))
        .endMetadata().build();
    assertThat(status(deleting).reason()).isEqualTo("Terminating");
    Pod lost = new PodBuilder(deleting).editStatus().withReason("NodeLost").endStatus().build();
    assertThat(status(lost).reason()).isEqualTo("Unknown");
    Pod succeeded = new PodBuilder(pod("p", 1, terminated("c", 0, "Completed", null))).editMetadata()
        .withDeletionTimestamp(ago(1)).endMetadata().editStatus().withPhase("Succeeded").endStatus().build();
    assertThat(status(succeeded).reason()).isEqualTo("Completed");
  }

  @Test
  void podReasonAndSchedulingGate() {
    Pod evicted = new PodBuilder(pod("p", 1)).editStatus().withPhase("Failed").withReason("Evicted").endStatus().build();
    assertThat(status(evicted).reason()).isEqualTo("Evicted");
    Pod gated = new PodBuilder(pod("p", 1)).editStatus().withPhase("Pending").addNewCondition().withType("PodScheduled")
        .withStatus("False").withReason("SchedulingGated").endCondition().endStatus().build();
    assertThat(status(gated).reason()).isEqualTo("SchedulingGated");
  }
}
