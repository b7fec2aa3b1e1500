package io.kubetutor.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The port on a real cluster: every call is one Kubernetes API request made with the fabric8
 * client's HTTP stack (its TLS, tokens, client certificates and exec plugins from the kubeconfig).
 * Requests are built here rather than through the fabric8 DSL so that what goes on the wire is
 * exactly the API call kubectl makes (query parameters, DeleteOptions body, dry run) and every
 * answer, good or bad, is read the same way: a Status error becomes a kubectl-shaped
 * {@link ClusterException}. Watches use fabric8's watch machinery, which reconnects.
 *
 * <p>Nothing connects until the first call: constructing this costs no more than a few fields, so
 * the prompt of a session that starts on a real context appears at once. Every call is bounded by
 * the connect and request timeouts and can be interrupted (Ctrl-C), so a dead cluster never hangs
 * the shell; closing happens on a daemon thread so it never delays exit.
 */
public final class Fabric8Cluster implements Cluster {

  /** Bounds of one API call; a watch is bounded only by its connect timeout. */
  public record Timeouts(Duration connect, Duration request) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));
  }

  private final String contextName;
  private final String defaultNamespace;
  private final Supplier<Config> configSupplier;
  private final Timeouts timeouts;
  private volatile KubernetesClient client;
  private volatile URI server;
  private volatile boolean closed;

  /**
   * @param config built on first use (parsing the kubeconfig's certificates costs time)
   * @param defaultNamespace the context's namespace, or null/empty for {@code default}
   */
  public Fabric8Cluster(String contextName, String defaultNamespace, Supplier<Config> config, Timeouts timeouts) {
    this.contextName = contextName;
    this.defaultNamespace = defaultNamespace == null || defaultNamespace.isEmpty() ? "default" : defaultNamespace;
    this.configSupplier = config;
    this.timeouts = timeouts;
  }

  /**
   * A cluster for one context of a kubeconfig; TLS verification stays on unless the kubeconfig turns
   * it off. A context that is missing or unusable still gives a cluster (so the prompt can show
   * it), whose every call fails with kubectl's {@code Error in configuration: ...}.
   */
  public static Fabric8Cluster forContext(Kubeconfig kubeconfig, String context, Timeouts timeouts) {
    Kubeconfig.Context c = kubeconfig.context(context).orElse(null);
    String yaml;
    try {
      if (c == null) throw new Kubeconfig.KubeconfigException("context was not found for specified context: " + context);
      yaml = kubeconfig.singleContextYaml(context);
    } catch (Kubeconfig.KubeconfigException e) {
      return unusable(context, c == null ? null : c.namespace(), "Error in configuration: " + e.getMessage());
    }
    return new Fabric8Cluster(context, c.namespace(), () -> Config.fromKubeconfig(context, yaml, null), timeouts);
  }

  /** A context that cannot be used: every API call prints {@code problem} (already in kubectl's words). */
  public static Fabric8Cluster unusable(String context, String namespace, String problem) {
    return new Fabric8Cluster(context, namespace, () -> {
      throw new Kubeconfig.KubeconfigException(problem);
    }, Timeouts.DEFAULT);
  }

  @Override public String contextName() { return contextName; }
  @Override public String serverUrl() { return server().toString(); }
  @Override public String defaultNamespace() { return defaultNamespace; }
  @Override public ClusterClock clock() { return ClusterClock.SYSTEM; }
  @Override public boolean isSimulator() { return false; }

  // ---- the API calls ----

  @Override
  public HasMetadata get(ResourceKind kind, String namespace, String name) {
    return toObject(kind, call("GET", objectPath(kind, namespace, name), Map.of(), null));
  }

  @Override
  public List<HasMetadata> list(ResourceKind kind, String namespace, Selector labels, FieldSelector fields) {
    Map<String, String> query = new LinkedHashMap<>();
    if (labels != null && !labels.isEverything()) query.put("labelSelector", labels.toString());
    if (fields != null && !fields.isEverything()) query.put("fieldSelector", fields.toString());
    JsonNode answer = call("GET", collectionPath(kind, kind.namespaced() ? namespace : null), query, null);
    List<HasMetadata> items = new ArrayList<>();
    for (JsonNode item : answer.path("items")) {
      HasMetadata object = toObject(kind, item);
      // The apiserver filters already; filtering again costs nothing and keeps the result exact
      // behind proxies or test servers that ignore set-based selectors.
      if (labels == null || labels.matches(object.getMetadata().getLabels())) items.add(object);
    }
    // etcd's key order (namespace, then name): what kubectl prints against a real apiserver.
    items.sort(Comparator.comparing((HasMetadata o) -> String.valueOf(o.getMetadata().getNamespace()))
        .thenComparing(o -> String.valueOf(o.getMetadata().getName())));
    return items;
  }

  @Override
  public HasMetadata create(HasMetadata object, DryRun dryRun) {
    ResourceKind kind = kindOf(object);
    if (dryRun == DryRun.CLIENT) return Objects.copy(object);
    String ns = namespaceOf(kind, object);
    return toObject(kind, call("POST", collectionPath(kind, ns), dryRunQuery(dryRun), body(object)));
  }

  @Override
  public HasMetadata update(HasMetadata object, DryRun dryRun) {
    ResourceKind kind = kindOf(object);
    if (dryRun == DryRun.CLIENT) return Objects.copy(object);
    String path = objectPath(kind, namespaceOf(kind, object), object.getMetadata().getName());
    return toObject(kind, call("PUT", path, dryRunQuery(dryRun), body(object)));
  }

  @Override
  public HasMetadata updateStatus(HasMetadata object) {
    ResourceKind kind = kindOf(object);
    String path = objectPath(kind, namespaceOf(kind, object), object.getMetadata().getName()) + "/status";
    return toObject(kind, call("PUT", path, Map.of(), body(object)));
  }

  @Override
  public HasMetadata delete(ResourceKind kind, String namespace, String name, DeleteOptions options) {
    DeleteOptions o = options == null ? DeleteOptions.DEFAULT : options;
    if (o.dryRun() == DryRun.CLIENT) return get(kind, namespace, name);
    ObjectNode deleteOptions = Objects.JSON.createObjectNode();
    deleteOptions.put("kind", "DeleteOptions");
    deleteOptions.put("apiVersion", "v1");
    if (o.gracePeriodSeconds() != null) deleteOptions.put("gracePeriodSeconds", o.gracePeriodSeconds());
    if (o.propagation() != null) {
      String p = o.propagation().name();
      deleteOptions.put("propagationPolicy", p.charAt(0) + p.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    if (o.dryRun() == DryRun.SERVER) deleteOptions.putArray("dryRun").add("All");
    JsonNode answer = call("DELETE", objectPath(kind, namespace, name), dryRunQuery(o.dryRun()), deleteOptions.toString());
    if ("Status".equals(answer.path("kind").asText())) {
      // Some deletions answer a Success status instead of the object: rebuild what it names.
      HasMetadata gone = newInstance(kind);
      gone.setMetadata(new ObjectMeta());
      gone.getMetadata().setName(answer.path("details").path("name").asText(name));
      if (kind.namespaced()) gone.getMetadata().setNamespace(namespace);
      String uid = answer.path("details").path("uid").asText(null);
      if (uid != null) gone.getMetadata().setUid(uid);
      return gone;
    }
    return toObject(kind, answer);
  }

  @Override
  public AutoCloseable watch(ResourceKind kind, String namespace, Selector labels, Consumer<WatchEvent> listener) {
    String ns = kind.namespaced() ? namespace : null;
    // kubectl lists before it watches; doing the same with a bounded request reports a dead,
    // silent or forbidden server in kubectl's words instead of a watch that never starts.
    Map<String, String> query = new LinkedHashMap<>();
    if (labels != null && !labels.isEverything()) query.put("labelSelector", labels.toString());
    JsonNode listed = call("GET", collectionPath(kind, ns), query, null);
    // Watching from the list's resourceVersion gives the changes from now on, as kubectl's
    // list-then-watch does. Servers that replay existing objects anyway (some proxies, test
    // servers) are caught by remembering exactly which versions were already there.
    Set<String> existing = ConcurrentHashMap.newKeySet();
    for (JsonNode item : listed.path("items")) {
      JsonNode meta = item.path("metadata");
      existing.add(versionKey(meta.path("namespace").asText(""), meta.path("name").asText(""),
          meta.path("resourceVersion").asText("")));
    }
    ListOptionsBuilder opts = new ListOptionsBuilder();
    if (labels != null && !labels.isEverything()) opts.withLabelSelector(labels.toString());
    String resourceVersion = listed.path("metadata").path("resourceVersion").asText("");
    if (!resourceVersion.isEmpty()) opts.withResourceVersion(resourceVersion);
    ListOptions listOptions = opts.build();

    Watcher<HasMetadata> watcher = new Watcher<>() {
      @Override
      public void eventReceived(Action action, HasMetadata object) {
        WatchEvent.Type type = switch (action) {
          case ADDED -> WatchEvent.Type.ADDED;
          case MODIFIED -> WatchEvent.Type.MODIFIED;
          case DELETED -> WatchEvent.Type.DELETED;
          default -> null;  // bookmarks and errors are the client's business, not a change to show
        };
        if (type == null || object == null) return;
        if (labels != null && !labels.matches(object.getMetadata().getLabels())) return;
        ObjectMeta m = object.getMetadata();
        if (type == WatchEvent.Type.ADDED
            && existing.remove(versionKey(m.getNamespace(), m.getName(), m.getResourceVersion()))) {
          return;
        }
        listener.accept(new WatchEvent(type, object));
      }

      @Override
      public void onClose(WatcherException cause) {
        // The watch ended (server gone, or closed by us); the waiting verb sees no more events.
      }
    };

    // fabric8 opens a watch synchronously and, against a server that stops answering, may wait
    // without bound: open it on a helper thread and wait only as long as any other call.
    CompletableFuture<Watch> opening = new CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        @SuppressWarnings("unchecked")
        Class<HasMetadata> type = (Class<HasMetadata>) kind.type();
        var resources = client().resources(type);
        opening.complete(ns != null
            ? resources.inNamespace(ns).watch(listOptions, watcher)
            : resources.inAnyNamespace().watch(listOptions, watcher));
      } catch (RuntimeException e) {
        opening.completeExceptionally(e);
      }
    }, "kubetutor-watch-" + kind.plural());
    opener.setDaemon(true);
    opener.start();
    try {
      Watch w = opening.get(timeouts.request().plus(timeouts.connect()).toMillis(), TimeUnit.MILLISECONDS);
      return w::close;
    } catch (InterruptedException e) {
      opening.thenAccept(Watch::close);
      Thread.currentThread().interrupt();
      throw new ClusterCallInterrupted();
    } catch (TimeoutException e) {
      opening.thenAccept(Watch::close);
      throw Fabric8Errors.fromTransport(e, server());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof ClusterException ce) throw ce;
      if (cause instanceof KubernetesClientException kce) throw Fabric8Errors.fromClientException(kce, server());
      throw Fabric8Errors.fromTransport(cause, server());
    }
  }

  @Override
  public String logs(String namespace, String pod, LogOptions options) {
    LogOptions o = options == null ? LogOptions.DEFAULT : options;
    Map<String, String> query = new LinkedHashMap<>();
    if (o.container() != null) query.put("container", o.container());
    if (o.previous()) query.put("previous", "true");
    if (o.sinceTime() != null) query.put("sinceTime", DateTimeFormatter.ISO_INSTANT.format(o.sinceTime()));
    if (o.tailLines() != null) query.put("tailLines", String.valueOf(o.tailLines()));
    if (o.timestamps()) query.put("timestamps", "true");
    return send("GET", objectPath(ResourceKind.POD, namespace, pod) + "/log", query, null);
  }

  /**
   * Runs the command over the exec websocket; the exit code comes from the status channel. Bounded
   * by the request timeout (an exec'd command that runs on is cut there) and interruptible (Ctrl-C).
   * A refused upgrade is asked again as a plain request to read the server's reason, since the
   * websocket handshake keeps only the status code.
   */
  @Override
  public ExecResult exec(String namespace, String pod, String container, List<String> command, String stdin) {
    // Query keys sorted as Go's url.Values encodes them, so the server sees what kubectl sends.
    StringBuilder query = new StringBuilder();
    for (String part : command) query.append("&command=").append(URLEncoder.encode(part, StandardCharsets.UTF_8));
    if (container != null) query.append("&container=").append(URLEncoder.encode(container, StandardCharsets.UTF_8));
    query.append("&stderr=true");
    if (stdin != null) query.append("&stdin=true");
    query.append("&stdout=true");
    String path = objectPath(ResourceKind.POD, namespace, pod) + "/exec?" + query.substring(1);
    KubernetesClient c = client();
    String base = c.getMasterUrl().toString();
    if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
    URI uri = URI.create(base + path);
    byte[] input = stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8);
    // v5 can close stdin, so a command reading its input sees the end; servers before 1.30 speak
    // only v4, where the input is sent but stays open (the command ends on its own or at the deadline).
    ExecStream stream = null;
    CompletableFuture<io.fabric8.kubernetes.client.http.WebSocket> socket = null;
    for (String protocol : input == null ? List.of(ExecStream.V4) : List.of(ExecStream.V5, ExecStream.V4)) {
      stream = new ExecStream(input, protocol.equals(ExecStream.V5));
      socket = c.getHttpClient().newWebSocketBuilder().uri(uri).subprotocol(protocol)
          .connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS).buildAsync(stream);
      try {
        socket.get(timeouts.request().plus(timeouts.connect()).toMillis(), TimeUnit.MILLISECONDS);
        break;
      } catch (InterruptedException e) {
        socket.cancel(true);
        Thread.currentThread().interrupt();
        throw new ClusterCallInterrupted();
      } catch (TimeoutException e) {
        socket.cancel(true);
        throw Fabric8Errors.fromTransport(e, server());
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        boolean protocolRefused = httpCode(cause) == 0 && String.valueOf(cause.getMessage()).contains("subprotocol");
        if (!(protocol.equals(ExecStream.V5) && protocolRefused)) throw upgradeRefused(cause, path);
      }
    }
    try {
      return stream.result().get(timeouts.request().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterCallInterrupted();
    } catch (TimeoutException e) {
      return stream.partial();  // the command runs on; like kubectl after its deadline, keep what came
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof ClusterException ce) throw ce;
      throw Fabric8Errors.fromTransport(cause, server());
    } finally {
      socket.thenAccept(ws -> ws.sendClose(1000, ""));
    }
  }

  /**
   * The server refused the stream: kubectl then shows the server's answer, a Status as an API error
   * and anything else as {@code unable to upgrade connection: BODY}.
   */
  /** The HTTP status of a refused websocket handshake, or 0 when the failure came before any answer. */
  private static int httpCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof io.fabric8.kubernetes.client.http.WebSocketHandshakeException h && h.getResponse() != null) {
        return h.getResponse().code();
      }
      if (t instanceof KubernetesClientException k && k.getCode() > 0) return k.getCode();
    }
    return 0;
  }

  private ClusterException upgradeRefused(Throwable failure, String path) {
    int code = httpCode(failure);
    if (code == 0) return Fabric8Errors.fromTransport(failure, server());
    String body;
    try {
      body = fetch("GET", path, Map.of(), null).body();
    } catch (ClusterException e) {
      return e;
    }
    body = body == null ? "" : body.strip();
    // A Status (JSON) or nothing at all: the API error as any other call shows it.
    if (body.isEmpty() || body.startsWith("{")) return Fabric8Errors.fromResponse(code, body, "GET", path);
    return new ClusterException(code, "", "unable to upgrade connection: " + body);
  }

  @Override
  public VersionInfo serverVersion() {
    JsonNode v = call("GET", "/version", Map.of(), null);
    return new VersionInfo(v.path("major").asText(""), v.path("minor").asText(""), v.path("gitVersion").asText(""),
        v.path("gitCommit").asText(""), v.path("gitTreeState").asText(""), v.path("buildDate").asText(""),
        v.path("goVersion").asText(""), v.path("compiler").asText(""), v.path("platform").asText(""));
  }

  /** Closes the client on a daemon thread: closing fabric8's client can take a noticeable moment. */
  @Override
  public void close() {
    closed = true;
    KubernetesClient c = client;
    client = null;
    if (c == null) return;
    Thread closer = new Thread(c::close, "kubetutor-close-" + contextName);
    closer.setDaemon(true);
    closer.start();
  }

  // ---- plumbing ----

  private synchronized KubernetesClient client() {
    if (closed) throw new ClusterException(0, "", "the connection to context \"" + contextName + "\" is closed");
    if (client == null) {
      try {
        Config config = configSupplier.get();
        config.setConnectionTimeout((int) timeouts.connect().toMillis());
        config.setRequestTimeout((int) timeouts.request().toMillis());
        // kubectl does not retry a refused connection; fabric8's default backoff would make a dead
        // cluster take many seconds to report.
        config.setRequestRetryBackoffLimit(0);
        client = new KubernetesClientBuilder().withConfig(config).build();
        server = URI.create(client.getMasterUrl().toString());
      } catch (Kubeconfig.KubeconfigException e) {
        throw new ClusterException(0, "", e.getMessage());
      } catch (RuntimeException e) {
        // Unreadable certificate files, a bad server URL, an auth plugin that cannot be set up.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        throw new ClusterException(0, "", "Error in configuration: " + detail);
      }
    }
    return client;
  }

  private URI server() {
    URI s = server;
    return s != null ? s : URI.create("https://localhost");
  }

  /** One request whose answer is JSON. */
  private JsonNode call(String method, String path, Map<String, String> query, String body) {
    String text = send(method, path, query, body);
    try {
      return Objects.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ClusterException(0, "", "error: the server answered " + method + " " + path + " with something that is not JSON");
    }
  }

  /**
   * Sends one request and returns the body of a 2xx answer; anything else becomes a
   * ClusterException. Waits at most the request timeout plus the connect timeout (plus a little),
   * and gives up at once when the calling thread is interrupted.
   */
  private String send(String method, String path, Map<String, String> query, String body) {
    HttpResponse<String> response = fetch(method, path, query, body);
    String text = response.body() == null ? "" : response.body();
    if (response.code() >= 200 && response.code() < 300) return text;
    throw Fabric8Errors.fromResponse(response.code(), text, method, path);
  }

  /** One request, bounded and interruptible like {@link #send}; any HTTP answer is returned as it came. */
  private HttpResponse<String> fetch(String method, String path, Map<String, String> query, String body) {
    KubernetesClient c = client();
    HttpClient http = c.getHttpClient();
    String base = c.getMasterUrl().toString();
    if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
    StringBuilder url = new StringBuilder(base).append(path);
    char sep = '?';
    for (Map.Entry<String, String> q : query.entrySet()) {
      url.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    HttpRequest.Builder request = http.newHttpRequestBuilder()
        .uri(url.toString())
        .timeout(timeouts.request().toMillis(), TimeUnit.MILLISECONDS)
        .header("Accept", "application/json");
    if (body != null) request.method(method, "application/json", body);
    else if (!method.equals("GET")) request.method(method, "application/json", "");
    CompletableFuture<HttpResponse<String>> future = http.sendAsync(request.build(), String.class);
    long bound = timeouts.request().plus(timeouts.connect()).plusSeconds(1).toMillis();
    HttpResponse<String> response;
    try {
      response = future.get(bound, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ClusterCallInterrupted();
    } catch (TimeoutException e) {
      future.cancel(true);
      throw Fabric8Errors.fromTransport(e, server());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof KubernetesClientException kce) throw Fabric8Errors.fromClientException(kce, server());
      throw Fabric8Errors.fromTransport(cause, server());
    }
    return response;
  }

  private static String body(HasMetadata object) {
    try {
      return Objects.JSON.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new ClusterException(0, "", "error: cannot encode " + object.getKind() + ": " + e.getOriginalMessage());
    }
  }

  private static Map<String, String> dryRunQuery(DryRun dryRun) {
    return dryRun == DryRun.SERVER ? Map.of("dryRun", "All") : Map.of();
  }

  private HasMetadata toObject(ResourceKind kind, JsonNode node) {
    if (node instanceof ObjectNode obj) {
      // Items of a list carry no apiVersion/kind; the printers and checks expect them.
      if (!obj.hasNonNull("apiVersion")) obj.put("apiVersion", kind.apiVersion());
      if (!obj.hasNonNull("kind")) obj.put("kind", kind.kind());
    }
    try {
      return Objects.fromTree(node, kind.type());
    } catch (IllegalArgumentException e) {
      throw new ClusterException(0, "", "error: cannot decode the server's " + kind.kind() + ": " + e.getMessage());
    }
  }

  private static ResourceKind kindOf(HasMetadata object) {
    return ResourceKind.forObject(object).orElseThrow(() -> new ClusterException(0, "",
        "error: resource mapping not found for name: \"" + object.getMetadata().getName() + "\" namespace: \"\" from \"\": no"
            + " matches for kind \"" + object.getKind() + "\" in version \"" + object.getApiVersion() + "\""));
  }

  private String namespaceOf(ResourceKind kind, HasMetadata object) {
    if (!kind.namespaced()) return null;
    String ns = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? defaultNamespace : ns;
  }

  private static String versionKey(String namespace, String name, String resourceVersion) {
    return (namespace == null ? "" : namespace) + "/" + name + "@" + (resourceVersion == null ? "" : resourceVersion);
  }

  private static HasMetadata newInstance(ResourceKind kind) {
    try {
      return kind.type().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code /api/v1/namespaces/ns/pods} or {@code /apis/apps/v1/deployments}. */
  static String collectionPath(ResourceKind kind, String namespace) {
    String prefix = kind.group().isEmpty() ? "/api/" + kind.version() : "/apis/" + kind.group() + "/" + kind.version();
    if (kind.namespaced() && namespace != null) prefix += "/namespaces/" + segment(namespace);
    return prefix + "/" + kind.plural();
  }

  static String objectPath(ResourceKind kind, String namespace, String name) {
    return collectionPath(kind, kind.namespaced() ? namespace : null) + "/" + segment(name);
  }

  private static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
