package io.kubetutor.sim.container;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the well-known programs of the catalogue images do when started as a container's process:
 * the servers print their usual start-up lines and run until stopped (and exit promptly on
 * SIGTERM, since they install a handler); {@code python3} with no script exits at once because a
 * container has no tty. Any other program runs quietly until killed and, as PID 1 without a
 * handler, ignores SIGTERM.
 */
final class ImagePrograms {

  /** {@code exitCode == null}: runs until killed. Lines are at offsets from the program's start. */
  record Behaviour(List<ProcessPlan.Line> lines, Integer exitCode, Duration runFor, boolean handlesSigterm) {}

  private static final DateTimeFormatter NGINX = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter REDIS = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter APACHE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSSSSS yyyy", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter POSTGRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
      .withZone(ZoneOffset.UTC);

  private ImagePrograms() {}

  static Behaviour lookup(String name, List<String> args, Map<String, String> env, ContainerContext ctx) {
    Instant t = ctx.startedAt();
    return switch (name) {
      case "docker-entrypoint.sh" -> args.isEmpty() ? exit(0) : lookup(base(args.get(0)), args.subList(1, args.size()), env, ctx);
      case "nginx" -> server(nginx(t, env));
      case "redis-server" -> server(redis(t, env));
      case "postgres" -> postgres(t, env);
      case "httpd-foreground", "httpd" -> server(httpd(t, ctx.podIP()));
      case "python", "python3" -> python(args, ctx);
      case "fastapi", "uvicorn" -> server(uvicorn(args));
      case "flask" -> server(flask("app", ctx.podIP(), port(args, "--port", "5000")));
      default -> new Behaviour(List.of(), null, Duration.ZERO, false);
    };
  }

  private static Behaviour python(List<String> args, ContainerContext ctx) {
    if (args.isEmpty()) return exit(0); // the REPL reads end of file on a closed stdin and exits
    String script = args.get(0);
    if (script.equals("-c")) return exit(0);
    if (script.equals("-m") && args.size() > 1 && args.get(1).equals("uvicorn")) return server(uvicorn(args.subList(2, args.size())));
    if (script.equals("-m") && args.size() > 1 && args.get(1).equals("flask")) return server(flask("app", ctx.podIP(), "5000"));
    String module = base(script).replaceAll("\\.py$", "");
    return server(flask(module, ctx.podIP(), "5000"));
  }

  private static List<String> nginx(Instant t, Map<String, String> env) {
    String ts = NGINX.format(t.plusSeconds(0));
    List<String> l = new ArrayList<>(List.of(
        "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
        "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
        "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
        "/docker-entrypoint.sh: Configuration complete; ready for start up"));
    for (String s : List.of("using the \"epoll\" event method", "nginx/" + env.getOrDefault("NGINX_VERSION", "1.27.2"),
        "built by gcc 12.2.0 (Debian 12.2.0-14) ", "OS: Linux 6.8.0-45-generic", "getrlimit(RLIMIT_NOFILE): 1048576:1048576",
        "start worker processes", "start worker process 29", "start worker process 30")) {
      l.add(ts + " [notice] 1#1: " + s);
    }
    return l;
  }

  private static List<String> redis(Instant t, Map<String, String> env) {
    String ts = REDIS.format(t);
    String v = env.getOrDefault("REDIS_VERSION", "7.4.1");
    return List.of(
        "1:C " + ts + " # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. "
            + "Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. "
            + "To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
        "1:C " + ts + " * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
        "1:C " + ts + " * Redis version=" + v + ", bits=64, commit=00000000, modified=0, pid=1, just started",
        "1:C " + ts + " # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
        "1:M " + ts + " * monotonic clock: POSIX clock_gettime",
        "1:M " + ts + " * Running mode=standalone, port=6379.",
        "1:M " + ts + " * Server initialized",
        "1:M " + ts + " * Ready to accept connections tcp");
  }

  private static Behaviour postgres(Instant t, Map<String, String> env) {
    String pw = env.get("POSTGRES_PASSWORD");
    if ((pw == null || pw.isEmpty()) && !"trust".equals(env.get("POSTGRES_HOST_AUTH_METHOD"))) {
      List<ProcessPlan.Line> l = new ArrayList<>();
      for (String s : List.of(
          "Error: Database is uninitialized and superuser password is not specified.",
          "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
          "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".",
          "",
          "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all",
          "       connections without a password. This is *not* recommended.",
          "",
          "       See PostgreSQL documentation about \"trust\":",
          "       https://www.postgresql.org/docs/current/auth-trust.html")) {
        l.add(new ProcessPlan.Line(Duration.ZERO, s));
      }
      return new Behaviour(l, 1, Duration.ZERO, true);
    }
    String ts = POSTGRES.format(t.plusSeconds(2));
    return server(List.of(
        "The files belonging to this database system will be owned by user \"postgres\".",
        "This user must also own the server process.",
        "",
        "Success. You can now start the database server using:",
        "",
        "PostgreSQL init process complete; ready for start up.",
        "",
        ts + " [1] LOG:  starting PostgreSQL " + env.getOrDefault("PG_MAJOR", "16") + ".4 (Debian) on x86_64-pc-linux-gnu",
        ts + " [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432",
        ts + " [1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
        ts + " [1] LOG:  database system is ready to accept connections"));
  }

  private static List<String> httpd(Instant t, String ip) {
    String host = ip == null || ip.isEmpty() ? "127.0.0.1" : ip;
    String warn = "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using " + host
        + ". Set the 'ServerName' directive globally to suppress this message";
    String ts = APACHE.format(t);
    return List.of(warn, warn,
        "[" + ts + "] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations",
        "[" + ts + "] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'");
  }

  private static List<String> flask(String app, String ip, String port) {
    List<String> l = new ArrayList<>(List.of(
        " * Serving Flask app '" + app + "'",
        " * Debug mode: on",
        "WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.",
        " * Running on all addresses (0.0.0.0)",
        " * Running on http://127.0.0.1:" + port));
    if (ip != null && !ip.isEmpty()) l.add(" * Running on http://" + ip + ":" + port);
    l.add("Press CTRL+C to quit");
    l.add(" * Restarting with stat");
    l.add(" * Debugger is active!");
    l.add(" * Debugger PIN: 123-456-789");
    return l;
  }

  private static List<String> uvicorn(List<String> args) {
    String port = port(args, "--port", "8000");
    String host = port(args, "--host", args.contains("run") || args.isEmpty() ? "0.0.0.0" : "127.0.0.1");
    return List.of(
        "INFO:     Started server process [1]",
        "INFO:     Waiting for application startup.",
        "INFO:     Application startup complete.",
        "INFO:     Uvicorn running on http://" + host + ":" + port + " (Press CTRL+C to quit)");
  }

  private static String port(List<String> args, String flag, String fallback) {
    int i = args.indexOf(flag);
    if (i >= 0 && i + 1 < args.size()) return args.get(i + 1);
    for (String a : args) if (a.startsWith(flag + "=")) return a.substring(flag.length() + 1);
    return fallback;
  }

  private static Behaviour server(List<String> lines) {
    List<ProcessPlan.Line> l = new ArrayList<>();
    for (String s : lines) l.add(new ProcessPlan.Line(Duration.ZERO, s));
    return new Behaviour(l, null, Duration.ZERO, true);
  }

  private static Behaviour exit(int code) {
    return new Behaviour(List.of(), code, Duration.ZERO, false);
  }

  private static String base(String p) {
    int s = p.lastIndexOf('/');
    return s >= 0 ? p.substring(s + 1) : p;
  }
}
