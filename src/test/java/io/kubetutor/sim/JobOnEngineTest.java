package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job controller registered in the real engine, with the kubelet running the job's pods on the virtual clock. */
class JobOnEngineTest {

  private static Job job(String name, String script, String restartPolicy, Integer backoffLimit, Integer completions) {
    return new JobBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withBackoffLimit(backoffLimit).withCompletions(completions)
        .withNewTemplate().withNewSpec().withRestartPolicy(restartPolicy)
        .addNewContainer().withName(name).withImage("busybox").withCommand(List.of("sh", "-c", script)).endContainer()
        .endSpec().endTemplate().endSpec().build();
  }

  private static List<Pod> pods(SimCluster sim, String job) {
    return sim.list(ResourceKind.POD, "default", Selector.of(Map.of("job-name", job)), null).stream()
        .map(Pod.class::cast).toList();
  }

  private static List<String> events(SimCluster sim, String involved) {
    return sim.list(ResourceKind.EVENT, "default", null, null).stream().map(Event.class::cast)
        .filter(e -> e.getInvolvedObject().getName().equals(involved))
        .map(e -> e.getReason() + ": " + e.getMessage()).toList();
  }

  @Test
  void piStyleJobCompletesWithItsStatusConditionAndEvents() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(job("pi", "echo 3.14; exit 0", "Never", 4, null), Cluster.DryRun.NONE);
      Job running = (Job) sim.get(ResourceKind.JOB, "default", "pi");
      assertThat(running.getStatus().getActive()).isEqualTo(1);
      assertThat(running.getStatus().getStartTime()).isNotNull();
      List<Pod> pods = pods(sim, "pi");
      assertThat(pods).hasSize(1);
      Pod pod = pods.get(0);
      assertThat(pod.getMetadata().getName()).matches("pi-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(pod.getMetadata().getLabels()).containsEntry("job-name", "pi")
          .containsEntry("batch.kubernetes.io/job-name", "pi")
          .containsEntry("controller-uid", running.getMetadata().getUid())
          .containsEntry("batch.kubernetes.io/controller-uid", running.getMetadata().getUid());
      assertThat(pod.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Job");

      sim.advance(Duration.ofSeconds(60));

      Job done = (Job) sim.get(ResourceKind.JOB, "default", "pi");
      assertThat(done.getStatus().getSucceeded()).isEqualTo(1);
      assertThat(done.getStatus().getActive()).isNull();
      assertThat(done.getStatus().getFailed()).isNull();
      assertThat(done.getStatus().getCompletionTime()).isNotNull();
      assertThat(Instant.parse(done.getStatus().getCompletionTime()))
          .isAfter(Instant.parse(done.getStatus().getStartTime()));
      JobCondition c = done.getStatus().getConditions().get(0);
      assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Complete=True");
      assertThat(((Pod) sim.get(ResourceKind.POD, "default", pod.getMetadata().getName())).getStatus().getPhase())
          .isEqualTo("Succeeded");
      assertThat(sim.logs("default", pod.getMetadata().getName(), io.kubetutor.cluster.LogOptions.DEFAULT))
          .isEqualTo("3.14\n");
      assertThat(events(sim, "pi")).containsExactly("SuccessfulCreate: Created pod: " + pod.getMetadata().getName(),
          "Completed: Job completed");
      assertThat(pods(sim, "pi")).hasSize(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void completionsRunOnePodAtATimeUntilAllSucceed() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(job("three", "echo ok", "Never", null, 3), Cluster.DryRun.NONE);
      assertThat(pods(sim, "three")).hasSize(1);
      sim.advance(Duration.ofSeconds(120));
      Job done = (Job) sim.get(ResourceKind.JOB, "default", "three");
      assertThat(done.getStatus().getSucceeded()).isEqualTo(3);
      assertThat(done.getStatus().getConditions()).extracting(JobCondition::getType).containsExactly("Complete");
      assertThat(pods(sim, "three")).hasSize(3).allMatch(p -> p.getStatus().getPhase().equals("Succeeded"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void failingNeverJobReplacesPodsWithBackoffThenFailsAtTheBackoffLimit() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(job("fail", "echo boom; exit 1", "Never", 2, null), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(300));

      Job failed = (Job) sim.get(ResourceKind.JOB, "default", "fail");
      assertThat(failed.getStatus().getFailed()).isEqualTo(3);
      assertThat(failed.getStatus().getSucceeded()).isNull();
      assertThat(failed.getStatus().getActive()).isNull();
      assertThat(failed.getStatus().getCompletionTime()).isNull();
      JobCondition c = failed.getStatus().getConditions().get(0);
      assertThat(List.of(c.getType(), c.getStatus(), c.getReason(), c.getMessage()))
          .containsExactly("Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
      List<Pod> pods = pods(sim, "fail");
      assertThat(pods).hasSize(3).allMatch(p -> p.getStatus().getPhase().equals("Failed"));
      // Each replacement waited out the back-off after the previous failure: 10 s, then 20 s.
      List<Instant> created = pods.stream().map(p -> Instant.parse(p.getMetadata().getCreationTimestamp())).sorted()
          .toList();
      List<Instant> finished = pods.stream().map(p -> Instant.parse(
          p.getStatus().getContainerStatuses().get(0).getState().getTerminated().getFinishedAt())).sorted().toList();
      assertThat(Duration.between(finished.get(0), created.get(1))).isEqualTo(Duration.ofSeconds(10));
      assertThat(Duration.between(finished.get(1), created.get(2))).isEqualTo(Duration.ofSeconds(20));
      assertThat(events(sim, "fail")).filteredOn(e -> e.startsWith("SuccessfulCreate")).hasSize(3);
      assertThat(events(sim, "fail")).contains("BackoffLimitExceeded: Job has reached the specified backoff limit");
      // Nothing more happens to a failed job.
      sim.advance(Duration.ofSeconds(600));
      assertThat(pods(sim, "fail")).hasSize(3);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void onFailureJobRestartsInPlaceAndCountsRestartsTowardTheLimit() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(job("retry", "exit 2", "OnFailure", 2, null), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(600));
      Job failed = (Job) sim.get(ResourceKind.JOB, "default", "retry");
      assertThat(failed.getStatus().getConditions()).extracting(JobCondition::getReason)
          .containsExactly("BackoffLimitExceeded");
      // One pod only: the kubelet restarted its container, the controller never made a second pod.
      assertThat(events(sim, "retry")).filteredOn(e -> e.startsWith("SuccessfulCreate")).hasSize(1);
      assertThat(failed.getStatus().getFailed()).isEqualTo(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
