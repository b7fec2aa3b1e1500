package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The simulator's side of client-go's event correlator (tools/record/events_cache.go): decides
 * whether a new event is written as itself, folded into an identical earlier event by count, or
 * folded into one "(combined from similar events)" event once ten different messages of the same
 * kind about the same object arrive within ten minutes, or dropped when one source has written too
 * many events about one object (25, then one per 300 s). It only decides; the engine writes the store. Both caches are LRU-bounded as in client-go, so a long run does not keep every event key.
 */
final class EventRecorder {

  /** client-go's maxLruCacheEntries: the size of both caches. */
  static final int CACHE_ENTRIES = 4096;
  /** defaultAggregateMaxEvents: this many different messages in the window switch to the combined event. */
  static final int AGGREGATE_MAX_EVENTS = 10;
  /** defaultAggregateIntervalInSeconds: a gap longer than this since the last similar event starts a new window. */
  static final Duration AGGREGATE_INTERVAL = Duration.ofSeconds(600);
  static final String COMBINED_PREFIX = "(combined from similar events): ";
  /** defaultSpamBurst: events one source may write about one object before the refill rate applies. */
  static final int SPAM_BURST = 25;
  /** defaultSpamQPS: the refill, one event per 300 s per source and object. */
  static final double SPAM_REFILL_PER_SECOND = 1.0 / 300.0;

  /**
   * A cache key: the fields one of client-go's key functions joins, tagged with which function, and
   * its hash worked out once (each event looks its keys up several times; a record would hash its
   * eleven strings on every lookup).
   */
  private static final class Key {
    private final String[] parts;
    private final int hash;

    Key(String... parts) {
      this.parts = parts;
      this.hash = java.util.Arrays.hashCode(parts);
    }

    @Override public int hashCode() { return hash; }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && java.util.Arrays.equals(k.parts, parts);
    }
  }

  private static final String EVENT_KEY = "event";
  private static final String AGGREGATE_KEY = "aggregate";

  /** A token bucket that starts full, as golang.org/x/time/rate's limiter behind client-go's filter does. */
  private static final class Bucket {
    double tokens = SPAM_BURST;
    Instant last;

    boolean tryTake(Instant now) {
      if (last != null && now.isAfter(last)) {
        double elapsed = Duration.between(last, now).toNanos() / 1e9;
        tokens = Math.min(SPAM_BURST, tokens + elapsed * SPAM_REFILL_PER_SECOND);
      }
      if (last == null || now.isAfter(last)) last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    }
  }

  /** The different messages seen for one aggregate key, and when the last of them arrived. */
  private static final class Window {
    final Set<String> messages = new LinkedHashSet<>();
    Instant last;
  }

  /** What was last written for a cache key: enough to update that event instead of creating one. */
  private static final class Observation {
    final String name;
    final String firstTimestamp;
    int count;

    Observation(String name, int count, String firstTimestamp) {
      this.name = name;
      this.count = count;
      this.firstTimestamp = firstTimestamp;
    }
  }

  /**
   * What the engine must do: {@code skip} drops the event (spam filter); else write {@code event},
   * which is complete; {@code update} says an event of that name was written before.
   */
  record Outcome(Event event, boolean update, boolean skip) {}

  private final Map<Key, Window> windows = lru();
  private final Map<Key, Observation> observations = lru();
  private final Map<Key, Bucket> buckets = lru();

  /**
   * Correlates {@code fresh} (a count-1 event as the recorder made it, timestamps {@code now}, no
   * name yet) with what was recorded before, and records the outcome in the caches. {@code newName}
   * is asked for a name only when a new event is to be created (so merging consumes no sequence).
   */
  Outcome correlate(Event fresh, Instant now, Supplier<String> newName) {
    Event event = fresh;
    Key cacheKey = eventKey(fresh);

    Key aggregateKey = aggregateKey(fresh);
    Window window = windows.get(aggregateKey);  // a hit moves it to the recent end, as the put below would
    // A missing window and a stale one are the same: start counting messages afresh.
    if (window == null || Duration.between(window.last, now).compareTo(AGGREGATE_INTERVAL) > 0) {
      window = new Window();
      windows.put(aggregateKey, window);
    }
    window.messages.add(fresh.getMessage());
    window.last = now;
    if (window.messages.size() >= AGGREGATE_MAX_EVENTS) {
      // Keep the set below the limit, so every further new message is combined too. client-go drops
      // an arbitrary one (map order); the oldest is dropped here, so a seeded run stays reproducible.
      Iterator<String> oldest = window.messages.iterator();
      oldest.next();
      oldest.remove();
      event = combined(fresh);
      cacheKey = aggregateKey;
    }

    Observation seen = observations.get(cacheKey);  // a hit moves it to the recent end
    boolean update = seen != null;
    if (update) {
      // Same name, first time and next count as the earlier one; message and last time are the new ones.
      event.getMetadata().setName(seen.name);
      event.setFirstTimestamp(seen.firstTimestamp);
      event.setCount(seen.count + 1);
      seen.count = event.getCount();
    } else {
      event.getMetadata().setName(newName.get());
      observations.put(cacheKey, new Observation(event.getMetadata().getName(), event.getCount(),
          event.getFirstTimestamp()));
    }
    // Filtered after counting, as in client-go: a dropped event still raises the count the next written one shows.
    boolean skip = !buckets.computeIfAbsent(spamKey(event), k -> new Bucket()).tryTake(now);
    return new Outcome(event, update, skip);
  }

  /** Forgets everything (after a state load: events are correlated only with ones recorded since). */
  void reset() {
    windows.clear();
    observations.clear();
    buckets.clear();
  }

  /**
   * The combined event as client-go builds it: the latest event's object, type, reason and source,
   * the prefixed latest message, and no reporting controller or instance (client-go's copy leaves them empty).
   */
  private static Event combined(Event latest) {
    Event e = new Event();
    e.setApiVersion("v1");
    e.setKind("Event");
    io.fabric8.kubernetes.api.model.ObjectMeta meta = new io.fabric8.kubernetes.api.model.ObjectMeta();
    meta.setNamespace(latest.getMetadata().getNamespace());
    meta.setCreationTimestamp(latest.getMetadata().getCreationTimestamp());
    e.setMetadata(meta);
    e.setInvolvedObject(latest.getInvolvedObject());
    e.setType(latest.getType());
    e.setReason(latest.getReason());
    e.setMessage(COMBINED_PREFIX + latest.getMessage());
    EventSource source = latest.getSource();
    e.setSource(new EventSource(source.getComponent(), source.getHost()));
    e.setReportingComponent("");
    e.setReportingInstance("");
    e.setFirstTimestamp(latest.getFirstTimestamp());
    e.setLastTimestamp(latest.getLastTimestamp());
    e.setCount(1);
    return e;
  }

  /** Identical events: everything but time (client-go's getEventKey). */
  private static Key eventKey(Event e) {
    ObjectReference o = e.getInvolvedObject();
    EventSource s = e.getSource();
    return new Key(EVENT_KEY, s.getComponent(), s.getHost(), o.getKind(), o.getNamespace(), o.getName(),
        o.getFieldPath(), o.getUid(), o.getApiVersion(), e.getType(), e.getReason(), e.getMessage());
  }

  /** One source writing about one object (client-go's getSpamKey): the unit the spam filter rations. */
  private static Key spamKey(Event e) {
    ObjectReference o = e.getInvolvedObject();
    EventSource s = e.getSource();
    return new Key(s.getComponent(), s.getHost(), o.getKind(), o.getNamespace(), o.getName(), o.getUid(),
        o.getApiVersion());
  }

  /** Similar events: identical but for message and field path (client-go's EventAggregatorByReasonFunc). */
  private static Key aggregateKey(Event e) {
    ObjectReference o = e.getInvolvedObject();
    EventSource s = e.getSource();
    return new Key(AGGREGATE_KEY, s.getComponent(), s.getHost(), o.getKind(), o.getNamespace(), o.getName(),
        o.getUid(), o.getApiVersion(), e.getType(), e.getReason(), e.getReportingComponent(), e.getReportingInstance());
  }

  /** A map that forgets its least recently used entry beyond {@link #CACHE_ENTRIES}, like groupcache's lru. */
  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > CACHE_ENTRIES;
      }
    };
  }
}
