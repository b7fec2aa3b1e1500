package io.kubetutor.sim.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.sim.Engine;
import io.kubetutor.sim.clock.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ReplicaSet's choice of pods to delete against a plain restatement of kubectl's
 * {@code ActivePodsWithRanks.Less} ranking (a full sort by a chain of comparators), on many seeded
 * random pod sets with plenty of ties.
 */
class ReplicaSetDeletionRankingTest {

  private record Ref(Pod pod, boolean scheduled, int phase, boolean ready, int cost, int podsOnNode, Instant readySince,
                     int restarts, Instant created, String uid) {}

  private static long bucket(Instant now, Instant t) {
    long s = Math.max(0, Duration.between(t, now).toSeconds());
    return s == 0 ? 0 : 64 - Long.numberOfLeadingZeros(s);
  }

  /** Newer first by log2 age bucket, then uid; no time counts as newest. */
  private static int newerFirst(Instant now, Instant a, Instant b, String ua, String ub) {
    if (a == null && b == null) return 0;
    if (a == null) return -1;
    if (b == null) return 1;
    long ba = bucket(now, a);
    long bb = bucket(now, b);
    return ba != bb ? Long.compare(ba, bb) : ua.compareTo(ub);
  }

  private static List<Pod> reference(List<ReplicaSetPodCounts.DeletionFacts> active, int n, Instant now) {
    Map<String, Integer> perNode = new HashMap<>();
    for (var p : active) if (p.node() != null) perNode.merge(p.node(), 1, Integer::sum);
    List<Ref> refs = new ArrayList<>();
    for (var p : active) {
      refs.add(new Ref(p.pod(), p.node() != null, p.phase(), p.ready(), p.cost(), perNode.getOrDefault(p.node(), 0),
          p.ready() ? p.readySince() : null, p.restarts(), p.created(), p.pod().getMetadata().getUid()));
    }
    Comparator<Ref> order = Comparator.comparing(Ref::scheduled)
        .thenComparingInt(Ref::phase)
        .thenComparing(Ref::ready)
        .thenComparingInt(Ref::cost)
        .thenComparing(Comparator.comparingInt(Ref::podsOnNode).reversed())
        .thenComparing((a, b) -> a.ready() && b.ready() ? newerFirst(now, a.readySince(), b.readySince(), a.uid(), b.uid()) : 0)
        .thenComparing(Comparator.comparingInt(Ref::restarts).reversed())
        .thenComparing((a, b) -> newerFirst(now, a.created(), b.created(), a.uid(), b.uid()));
    refs.sort(order);
    return refs.subList(0, Math.min(n, refs.size())).stream().map(Ref::pod).toList();
  }

  @Test
  void picksTheSamePodsInTheSameOrderAsTheRanking() {
    Engine plane = new Engine(1, SimClock.EPOCH);
    ReplicaSetController controller = new ReplicaSetController(plane);
    Instant now = plane.clock().now();
    assertThat(now).isEqualTo(SimClock.EPOCH);
    Random random = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int size = 1 + random.nextInt(40);
      List<ReplicaSetPodCounts.DeletionFacts> active = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        Pod pod = new PodBuilder().withNewMetadata().withName("p" + i).withUid(String.format("uid-%03d", random.nextInt(1000)))
            .endMetadata().build();
        String node = random.nextInt(5) == 0 ? null : "node-" + random.nextInt(3);
        boolean ready = random.nextBoolean();
        // Ages from none to about an hour, some within the same second and some with sub-second parts.
        Instant readySince = random.nextInt(4) == 0 ? null : now.minusMillis(random.nextInt(4) == 0 ? random.nextInt(3000)
            : random.nextInt(3_600_000));
        Instant created = now.minusMillis(random.nextInt(3) == 0 ? random.nextInt(2000) : random.nextInt(3_600_000));
        active.add(new ReplicaSetPodCounts.DeletionFacts(pod, node, random.nextInt(3), ready, random.nextInt(3) - 1,
            readySince, random.nextInt(3), created));
      }
      int n = random.nextInt(size + 2);
      assertThat(controller.podsToDelete(active, n)).as("trial %d", trial).isEqualTo(reference(active, n, now));
    }
  }
}
