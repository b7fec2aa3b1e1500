package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event correlation on the engine and its virtual clock, as client-go's recorder does it: identical
 * events merge by count; the tenth different message of the same reason about the same object within
 * 600 s (client-go: "set size not below 10") switches to one "(combined from similar events)" event.
 */
class EventAggregationTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private Engine engine;
  private ReplicaSet rs;

  @BeforeEach
  void setUp() {
    engine = new Engine(1, START);
    engine.memoryStore().putRaw(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build(), true);
    rs = new ReplicaSetBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
        .withNewMetadata().withName("web-7d4b9").withNamespace("default").withUid("rs-uid").endMetadata().build();
  }

  private void created(int i) {
    engine.event(rs, null, "Normal", "SuccessfulCreate", "Created pod: web-7d4b9-" + i, "replicaset-controller", null);
  }

  private List<Event> events() {
    return engine.memoryStore().list(Event.class, "default", null).stream()
        .sorted(Comparator.comparing((Event e) -> e.getMetadata().getName())).toList();
  }

  private List<Event> combined() {
    return events().stream().filter(e -> e.getMessage().startsWith("(combined from similar events): ")).toList();
  }

  @Test
  void nineDifferentMessagesAreNineEvents() {
    for (int i = 1; i <= 9; i++) created(i);
    assertThat(events()).hasSize(9).allSatisfy(e -> assertThat(e.getCount()).isEqualTo(1));
    assertThat(combined()).isEmpty();
  }

  @Test
  void theTenthDifferentMessageStartsTheCombinedEventAndLaterOnesCountOnIt() {
    for (int i = 1; i <= 10; i++) created(i);
    assertThat(events()).hasSize(10);
    assertThat(combined()).singleElement().satisfies(e -> {
      assertThat(e.getMessage()).isEqualTo("(combined from similar events): Created pod: web-7d4b9-10");
      assertThat(e.getCount()).isEqualTo(1);
      assertThat(e.getReason()).isEqualTo("SuccessfulCreate");
      assertThat(e.getType()).isEqualTo("Normal");
      assertThat(e.getSource().getComponent()).isEqualTo("replicaset-controller");
      assertThat(e.getInvolvedObject().getName()).isEqualTo("web-7d4b9");
      assertThat(e.getReportingComponent()).isEmpty();
      assertThat(e.getMetadata().getName()).startsWith("web-7d4b9.");
    });
    String name = combined().get(0).getMetadata().getName();
    String first = combined().get(0).getFirstTimestamp();

    engine.advance(Duration.ofSeconds(5));
    created(11);
    assertThat(events()).hasSize(10);
    assertThat(combined()).singleElement().satisfies(e -> {
      assertThat(e.getMetadata().getName()).isEqualTo(name);
      assertThat(e.getCount()).isEqualTo(2);
      assertThat(e.getMessage()).isEqualTo("(combined from similar events): Created pod: web-7d4b9-11");
      assertThat(e.getFirstTimestamp()).isEqualTo(first);
      assertThat(e.getLastTimestamp()).isEqualTo(START.plusSeconds(5).toString());
    });
  }

  @Test
  void aReplicaSetScaledToTwentyShowsNineSeparateEventsAndOneCombinedCountingEleven() {
    for (int i = 1; i <= 20; i++) created(i);
    assertThat(events()).hasSize(10);
    assertThat(combined()).singleElement().satisfies(e -> {
      assertThat(e.getCount()).isEqualTo(11);
      assertThat(e.getMessage()).isEqualTo("(combined from similar events): Created pod: web-7d4b9-20");
    });
  }

  @Test
  void identicalEventsStillMergeByCountAndDoNotFillTheWindow() {
    for (int i = 0; i < 15; i++) {
      engine.event(rs, null, "Warning", "FailedCreate", "quota exceeded", "replicaset-controller", null);
    }
    assertThat(events()).singleElement().satisfies(e -> {
      assertThat(e.getCount()).isEqualTo(15);
      assertThat(e.getMessage()).isEqualTo("quota exceeded");
    });
  }

  @Test
  void aGapOfMoreThan600SecondsStartsANewWindowButExactly600DoesNot() {
    for (int i = 1; i <= 9; i++) created(i);
    engine.advance(Duration.ofSeconds(600));
    created(10); // 600 s is not more than the interval: the tenth message of the same window
    assertThat(combined()).hasSize(1);

    engine.advance(Duration.ofSeconds(601));
    for (int i = 11; i <= 19; i++) created(i);
    // A fresh window: nine more separate events, the combined event untouched.
    assertThat(events()).hasSize(19);
    assertThat(combined()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(1));
    created(20);
    // The tenth of the new window counts on the same combined event (the same aggregate key).
    assertThat(combined()).singleElement().satisfies(e -> {
      assertThat(e.getCount()).isEqualTo(2);
      assertThat(e.getMessage()).endsWith("web-7d4b9-20");
    });
  }

  @Test
  void theWindowIsPerObjectReasonAndType() {
    ReplicaSet other = new ReplicaSetBuilder(rs).editMetadata().withName("api-5f6c8").withUid("other").endMetadata().build();
    // Eight of each: 24 events from one source about rs stay within the spam filter's burst of 25.
    for (int i = 1; i <= 8; i++) {
      created(i);
      engine.event(other, null, "Normal", "SuccessfulCreate", "Created pod: api-" + i, "replicaset-controller", null);
      engine.event(rs, null, "Normal", "SuccessfulDelete", "Deleted pod: web-7d4b9-" + i, "replicaset-controller", null);
      engine.event(rs, null, "Warning", "SuccessfulCreate", "odd: " + i, "replicaset-controller", null);
    }
    assertThat(events()).hasSize(32);
    assertThat(combined()).isEmpty();
  }

  @Test
  void aMessageAlreadyInTheWindowStillMergesIntoItsOwnEvent() {
    for (int i = 1; i <= 10; i++) created(i); // the tenth is combined; the oldest message leaves the window
    created(5);
    Event five = events().stream().filter(e -> e.getMessage().equals("Created pod: web-7d4b9-5")).findFirst().orElseThrow();
    assertThat(five.getCount()).isEqualTo(2);
    assertThat(combined()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(1));
    created(1); // dropped from the window, so it counts as a new message again: combined
    assertThat(combined()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(2));
  }

  @Test
  void aDeletedEventIsCreatedAgainWithTheSameNameAndTheNextCount() {
    created(1);
    Event first = events().get(0);
    engine.memoryStore().remove(io.kubetutor.sim.ObjectKey.of(first));
    created(1);
    assertThat(events()).singleElement().satisfies(e -> {
      assertThat(e.getMetadata().getName()).isEqualTo(first.getMetadata().getName());
      assertThat(e.getCount()).isEqualTo(2);
    });
  }

  @Test
  void oneSourceWritesAtMost25EventsAboutOneObjectThenOneEvery300Seconds() {
    for (int i = 0; i < 30; i++) {
      engine.event(rs, null, "Warning", "FailedCreate", "quota exceeded", "replicaset-controller", null);
    }
    // The five dropped ones were still counted: the next one written shows them.
    assertThat(events()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(25));
    engine.advance(Duration.ofSeconds(299));
    engine.event(rs, null, "Warning", "FailedCreate", "quota exceeded", "replicaset-controller", null);
    assertThat(events()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(25));
    engine.advance(Duration.ofSeconds(1));
    engine.event(rs, null, "Warning", "FailedCreate", "quota exceeded", "replicaset-controller", null);
    assertThat(events()).singleElement().satisfies(e -> {
      assertThat(e.getCount()).isEqualTo(32);
      assertThat(e.getLastTimestamp()).isEqualTo(START.plusSeconds(300).toString());
    });
    // Another source about the same object has its own budget.
    engine.event(rs, null, "Normal", "ScalingReplicaSet", "scaled", "deployment-controller", null);
    assertThat(events()).hasSize(2);
  }

  @Test
  void aReplicaSetScaledToFortyShowsNineEventsAndACombinedOneCutByTheSpamFilter() {
    for (int i = 1; i <= 40; i++) created(i);
    assertThat(events()).hasSize(10);
    // 9 separate + 16 combined use the burst of 25; the combined count stops at 16.
    assertThat(combined()).singleElement().satisfies(e -> {
      assertThat(e.getCount()).isEqualTo(16);
      assertThat(e.getMessage()).endsWith("web-7d4b9-25");
    });
  }

  @Test
  void afterAResetNothingIsMergedWithEarlierEvents() {
    created(1);
    engine.resetEventIndex();
    created(1);
    assertThat(events()).hasSize(2).allSatisfy(e -> assertThat(e.getCount()).isEqualTo(1));
  }
}
