package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.images.Dockerfile;
import io.kubetutor.sim.images.ImageConfig;
import io.kubetutor.sim.images.ImagePullException;
import io.kubetutor.sim.images.ImageReference;
import io.kubetutor.sim.images.LocalImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated {@code docker}: {@code build -t IMAGE PATH} reads the Dockerfile in the workspace
 * and records an image in the session's local image store; {@code push IMAGE} publishes it to the
 * simulator's registry as a new digest of its tag. Nothing is built, pulled or run on the host.
 */
public final class DockerBuiltin implements Builtin {

  @Override public String name() { return "docker"; }
  @Override public String summary() { return "simulated docker build -t IMAGE . and docker push IMAGE (publishes to the simulated registry)"; }

  @Override
  public String usage() {
    return """
        Usage:  docker COMMAND

        Simulated commands (nothing runs on this machine):
          build -t IMAGE [-f Dockerfile] PATH   Record an image built from PATH/Dockerfile
          push IMAGE                            Publish a built image to the simulated registry
          images                                List images built in this session""";
  }

  @Override
  public int run(List<String> args, Session session) {
    PrintWriter err = session.err();
    if (args.isEmpty()) {
      session.out().println(usage());
      return 0;
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "build" -> build(rest, session);
      case "push" -> push(rest, session);
      case "images" -> images(session);
      default -> {
        // Real docker has many more commands; say plainly that this one only simulates three.
        err.println("docker: '" + args.get(0) + "' is not supported by the simulated docker (build, push, images)");
        yield 1;
      }
    };
  }

  private static LocalImages local(Session session) {
    return session.extension(LocalImages.class, LocalImages::new);
  }

  private int build(List<String> args, Session session) {
    PrintWriter err = session.err();
    List<String> tags = new ArrayList<>();
    String file = null;
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("-t") || a.equals("--tag") || a.equals("-f") || a.equals("--file")) && i + 1 < args.size()) {
        if (a.startsWith("-t") || a.equals("--tag")) tags.add(args.get(++i)); else file = args.get(++i);
      } else if (a.startsWith("--tag=")) {
        tags.add(a.substring(6));
      } else if (a.startsWith("--file=")) {
        file = a.substring(7);
      } else if (a.equals("--no-cache") || a.equals("-q") || a.equals("--quiet") || a.equals("--pull")) {
        // accepted: the simulated build has no cache and prints the same either way
      } else if (a.startsWith("-") && !a.equals("-")) {
        err.println("unknown flag: " + a);
        err.println("See 'docker buildx build --help'.");
        return 125;
      } else {
        operands.add(a);
      }
    }
    if (operands.size() != 1) {
      err.println("ERROR: \"docker buildx build\" requires exactly 1 argument.");
      err.println("See 'docker buildx build --help'.");
      return 1;
    }
    for (String t : tags) {
      try {
        ImageReference.parse(t);
      } catch (IllegalArgumentException e) {
        err.println("ERROR: invalid tag \"" + t + "\": invalid reference format");
        return 1;
      }
    }
    SimCluster sim = session.simulator();
    if (sim == null) {
      err.println("ERROR: docker is simulated and needs the sim context (kubectl config use-context sim)");
      return 1;
    }
    Path context;
    Path dockerfilePath;
    String text;
    try {
      context = Workspace.resolve(session, operands.get(0));
      if (!Files.isDirectory(context)) {
        err.println("ERROR: unable to prepare context: path \"" + operands.get(0) + "\" not found");
        return 1;
      }
      dockerfilePath = file == null ? context.resolve("Dockerfile") : Workspace.resolve(session, file);
      if (!Files.isRegularFile(dockerfilePath)) {
        err.println("ERROR: failed to solve: failed to read dockerfile: open " + (file == null ? "Dockerfile" : file)
            + ": no such file or directory");
        return 1;
      }
      text = Files.readString(dockerfilePath);
    } catch (Workspace.Refused e) {
      err.println("ERROR: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("ERROR: failed to solve: failed to read dockerfile: " + FileErrors.reason(e));
      return 1;
    }
    try {
      Dockerfile dockerfile = Dockerfile.parse(text);
      ImageConfig built = null;
      String name = tags.isEmpty() ? null : tags.get(0);
      for (String t : tags.isEmpty() ? List.of("sha256-untagged") : tags) {
        built = local(session).build(t, dockerfile, sim.images());
      }
      PrintWriter out = session.out();
      int total = dockerfile.steps().size() + 3;
      out.printf("[+] Building %.1fs (%d/%d) FINISHED%n", 0.4 + 0.3 * dockerfile.steps().size(), total, total);
      out.println(" => [internal] load build definition from " + dockerfilePath.getFileName());
      out.println(" => [internal] load metadata for " + ImageReference.parse(dockerfile.from()).canonical());
      int n = 0;
      for (String step : dockerfile.steps()) out.println(" => [" + (++n) + "/" + dockerfile.steps().size() + "] " + step);
      out.println(" => exporting to image");
      out.println(" => => writing image " + built.digest());
      for (String t : tags) out.println(" => => naming to " + ImageReference.parse(t).canonical());
      if (name == null) out.println(" => => image is untagged; use -t NAME:TAG to push it");
      return 0;
    } catch (Dockerfile.Invalid e) {
      err.println("ERROR: " + e.getMessage());
      return 1;
    } catch (ImagePullException e) {
      err.println("ERROR: failed to solve: " + e.getMessage().replaceFirst("^rpc error: code = \\w+ desc = ", ""));
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("ERROR: failed to solve: " + e.getMessage());
      return 1;
    }
  }

  private int push(List<String> args, Session session) {
    PrintWriter err = session.err();
    if (args.size() != 1 || args.get(0).startsWith("-")) {
      err.println("\"docker push\" requires exactly 1 argument.");
      err.println("See 'docker push --help'.");
      return 1;
    }
    String image = args.get(0);
    ImageReference ref;
    try {
      ref = ImageReference.parse(image);
    } catch (IllegalArgumentException e) {
      err.println("invalid reference format");
      return 1;
    }
    SimCluster sim = session.simulator();
    var built = local(session).find(image);
    if (built.isEmpty()) {
      err.println("An image does not exist locally with the tag: " + image.replaceFirst(":[^/:]*$", ""));
      return 1;
    }
    if (sim == null) {
      err.println("docker is simulated and needs the sim context (kubectl config use-context sim)");
      return 1;
    }
    ImageConfig pushed = sim.images().publish(image, built.get());
    PrintWriter out = session.out();
    out.println("The push refers to repository [" + ref.fullRepository() + "]");
    out.println(pushed.digest().substring(7, 19) + ": Pushed");
    out.println(ref.tag() + ": digest: " + pushed.digest() + " size: " + (1200 + 100 * pushed.cmd().size()));
    return 0;
  }

  private int images(Session session) {
    PrintWriter out = session.out();
    out.printf("%-40s %-10s %-14s %s%n", "REPOSITORY", "TAG", "IMAGE ID", "SIZE");
    local(session).images().forEach((name, config) -> {
      ImageReference r = ImageReference.parse(name);
      String repo = r.registry().equals(ImageReference.DOCKER_HUB) ? r.repository().replaceFirst("^library/", "") : r.fullRepository();
      out.printf("%-40s %-10s %-14s %.0fMB%n", repo, r.tag(), config.digest().substring(7, 19), config.sizeBytes() / 1e6);
    });
    return 0;
  }
}
