package io.kubetutor.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The row fast path (cells handed straight to the tab writer) lays out exactly as tab-joined text does. */
class TablePrinterRowsTest {

  @Test
  void cellsWithTabsOrLineBreaksLayOutAsJoinedText() {
    TabWriter direct = TabWriter.forGet();
    TabWriter joined = TabWriter.forGet();
    List<List<String>> rows = List.of(List.of("NAME", "STATUS", "AGE"), List.of("a\tb", "Running", "5s"),
        List.of("web-1", "x\ny", "10m"), List.of("web-22", "Pending", "1h"));
    for (List<String> r : rows) {
      direct.row(r);
      joined.write(String.join("\t", r) + "\n");
    }
    assertThat(direct.flush()).isEqualTo(joined.flush());
  }

  @Test
  void manyPodsPrintAsTheTabWriterLaysOutTheirRows() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Pod p = Fixtures.pod("web-" + i, 30L * i, Fixtures.running("web", i % 4 != 0, i % 3));
      if (i % 7 == 0) p = new PodBuilder(p).editMetadata().addToLabels("note", "line\nbreak").endMetadata().build();
      pods.add(p);
    }
    TableOptions options = new TableOptions(true, false, false, false, true, List.of("app"), false);
    TablePrinter printer = new TablePrinter(options);
    String printed = printer.print(ResourceKind.POD, pods, Fixtures.NOW, true);

    TablePrinter reference = new TablePrinter(options);
    TabWriter expected = TabWriter.forGet();
    expected.write(String.join("\t", reference.headers(ResourceKind.POD)) + "\n");
    for (Pod p : pods) expected.write(String.join("\t", reference.row(ResourceKind.POD, p, Fixtures.NOW)) + "\n");
    assertThat(printed).isEqualTo(expected.flush());
    // 300 rows and a header; the 43 labels with a line break (not cut in LABELS, as in kubectl) add a line each.
    assertThat(printed.lines().count()).isEqualTo(301 + 43);
    assertThat(printed.lines().skip(1).findFirst().orElseThrow())
        // web-0's label value has a line break: the line after it has no tab, which ends the block (Go's tabwriter).
        .isEqualTo("web-0   0/1     Running   0          0s    10.244.0.5   kubetutor-worker   <none>           <none>"
            + "            hello   app=hello,note=line");
  }
}
