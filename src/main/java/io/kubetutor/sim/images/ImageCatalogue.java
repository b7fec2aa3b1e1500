package io.kubetutor.sim.images;

import java.util.List;
import java.util.Map;

/**
 * The images the simulated registry serves from the start: the bases and services the course and
 * common tutorials use, with sizes near the real compressed sizes and the real default commands
 * and ports. {@code username/hello-fastapi} stands for the student's own Docker Hub repository.
 */
final class ImageCatalogue {

  private static final Map<String, String> PATH =
      Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  private ImageCatalogue() {}

  static void load(ImageRegistry r) {
    // 18.04: the course's earlier semesters (sp21-sp23) used it in every manifest.
    for (String t : List.of("18.04", "20.04", "22.04", "24.04", "latest")) {
      long size = switch (t) { case "18.04" -> 25_691_281L; case "20.04" -> 27_508_786L; case "22.04" -> 29_534_055L; default -> 29_754_290L; };
      r.publish("ubuntu:" + t, size, List.of(), List.of("/bin/bash"), List.of(), PATH, "/");
    }
    for (String t : List.of("11", "12", "bookworm", "latest")) {
      r.publish("debian:" + t, t.equals("11") ? 55_063_104L : 49_553_340L, List.of(), List.of("bash"), List.of(), PATH, "/");
    }
    for (String t : List.of("3.18", "3.19", "3.20", "latest")) {
      r.publish("alpine:" + t, 3_623_807L, List.of(), List.of("/bin/sh"), List.of(), PATH, "/");
    }
    for (String t : List.of("1.36", "1.37", "latest")) {
      r.publish("busybox:" + t, 2_166_802L, List.of(), List.of("sh"), List.of(), Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), "/");
    }
    for (String v : List.of("3.9", "3.10", "3.11", "3.12")) {
      Map<String, String> env = Map.of("PATH", "/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "LANG", "C.UTF-8", "PYTHON_VERSION", v + ".0");
      r.publish("python:" + v, 371_000_000L + v.length() * 1_000_000L, List.of(), List.of("python3"), List.of(), env, "/");
      r.publish("python:" + v + "-slim", 45_000_000L + v.length() * 100_000L, List.of(), List.of("python3"), List.of(), env, "/");
    }
    r.publish("python:latest", 372_200_000L, List.of(), List.of("python3"), List.of(), Map.of("LANG", "C.UTF-8"), "/");
    for (String t : List.of("6", "7", "latest")) {
      r.publish("redis:" + t, t.equals("6") ? 40_120_664L : 45_022_104L, List.of("docker-entrypoint.sh"), List.of("redis-server"),
          List.of(6379), Map.of("REDIS_VERSION", t.equals("6") ? "6.2.14" : "7.4.1"), "/data");
    }
    for (String t : List.of("1.25", "1.27", "latest")) {
      r.publish("nginx:" + t, t.equals("1.25") ? 70_544_620L : 72_406_859L, List.of("/docker-entrypoint.sh"),
          List.of("nginx", "-g", "daemon off;"), List.of(80), Map.of("NGINX_VERSION", t.equals("1.25") ? "1.25.5" : "1.27.2"), "/");
    }
    for (String t : List.of("15", "16", "latest")) {
      r.publish("postgres:" + t, 153_404_372L, List.of("docker-entrypoint.sh"), List.of("postgres"), List.of(5432),
          Map.of("PGDATA", "/var/lib/postgresql/data", "PG_MAJOR", t.equals("15") ? "15" : "16"), "/");
    }
    for (String t : List.of("2.4", "latest")) {
      r.publish("httpd:" + t, 58_218_450L, List.of(), List.of("httpd-foreground"), List.of(80),
          Map.of("HTTPD_PREFIX", "/usr/local/apache2"), "/usr/local/apache2");
    }
    r.publish("wjallen/hello-flask:1.0", 52_881_702L, List.of(), List.of("python3", "/app/app.py"), List.of(5000),
        Map.of("LANG", "C.UTF-8"), "/app");
    r.publish("wjallen/hello-fastapi:1.0", 61_043_215L, List.of(), List.of("fastapi", "run", "/app/main.py", "--port", "8000"),
        List.of(8000), Map.of("LANG", "C.UTF-8"), "/app");
    for (String t : List.of("dev", "rc1", "0.1.0")) {
      r.publish("username/hello-fastapi:" + t, 61_043_215L, List.of(), List.of("fastapi", "run", "/app/main.py", "--port", "8000"),
          List.of(8000), Map.of("LANG", "C.UTF-8"), "/app");
    }
  }
}
