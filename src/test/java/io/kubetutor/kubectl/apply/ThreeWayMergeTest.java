package io.kubetutor.kubectl.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetutor.robustness.BuildSeed;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Test;

/** The client-side apply merge: what is kept, replaced, removed, and when nothing changes. */
@AddLifecycleHook(BuildSeed.class)
class ThreeWayMergeTest {

  private static final ObjectMapper M = new ObjectMapper();

  private static ObjectNode json(String s) {
    try {
      return (ObjectNode) M.readTree(s.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void fieldDroppedFromTheManifestIsRemoved() {
    ObjectNode original = json("{'spec':{'replicas':3,'paused':true}}");
    ObjectNode modified = json("{'spec':{'replicas':3}}");
    ObjectNode current = json("{'spec':{'replicas':3,'paused':true}}");
    assertThat(ThreeWayMerge.merge(original, modified, current)).isEqualTo(json("{'spec':{'replicas':3}}"));
    assertThat(ThreeWayMerge.patch(original, modified, current)).isEqualTo(json("{'spec':{'paused':null}}"));
  }

  @Test
  void fieldSetByAControllerOrAnotherClientIsKept() {
    ObjectNode original = json("{'spec':{'replicas':3}}");
    ObjectNode modified = json("{'spec':{'replicas':3}}");
    ObjectNode current = json("{'spec':{'replicas':3,'strategy':{'type':'RollingUpdate'}},'status':{'readyReplicas':3}}");
    assertThat(ThreeWayMerge.merge(original, modified, current)).isEqualTo(current);
    assertThat(ThreeWayMerge.patch(original, modified, current)).isEmpty();
  }

  @Test
  void manifestValueWinsOverALiveChange() {
    ObjectNode original = json("{'spec':{'replicas':3}}");
    ObjectNode current = json("{'spec':{'replicas':5}}");
    assertThat(ThreeWayMerge.patch(original, original, current)).isEqualTo(json("{'spec':{'replicas':3}}"));
  }

  @Test
  void containersMergeByNameKeepingDefaultedFields() {
    ObjectNode original = json("{'containers':[{'name':'a','image':'x:1'},{'name':'b','image':'y:1'}]}");
    ObjectNode modified = json("{'containers':[{'name':'a','image':'x:2'}]}");
    ObjectNode current = json("{'containers':[{'name':'a','image':'x:1','imagePullPolicy':'IfNotPresent'},"
        + "{'name':'b','image':'y:1'},{'name':'sidecar','image':'z'}]}");
    JsonNode merged = ThreeWayMerge.merge(original, modified, current);
    assertThat(merged).isEqualTo(json("{'containers':[{'name':'a','image':'x:2','imagePullPolicy':'IfNotPresent'},"
        + "{'name':'sidecar','image':'z'}]}"));
  }

  @Test
  void containerPortsMergeByContainerPortAndServicePortsByPort() {
    assertThat(MergeKeys.keyFor("spec.template.spec.containers[]", "ports")).isEqualTo("containerPort");
    assertThat(MergeKeys.keyFor("spec", "ports")).isEqualTo("port");
    assertThat(MergeKeys.keyFor("spec.template.spec.containers[]", "env")).isEqualTo("name");
    assertThat(MergeKeys.keyFor("spec.template.spec.containers[]", "command")).as("atomic list").isNull();
  }

  @Test
  void listsWithoutMergeKeyAreReplacedWhole() {
    ObjectNode original = json("{'command':['sleep','10']}");
    ObjectNode modified = json("{'command':['sleep','20']}");
    ObjectNode current = json("{'command':['sleep','10']}");
    assertThat(ThreeWayMerge.merge(original, modified, current)).isEqualTo(modified);
  }

  @Test
  void withoutLastAppliedNothingIsRemoved() {
    ObjectNode modified = json("{'metadata':{'labels':{'app':'a'}}}");
    ObjectNode current = json("{'metadata':{'labels':{'app':'a','team':'b'}}}");
    assertThat(ThreeWayMerge.patch(null, modified, current)).isEmpty();
  }

  @Test
  void numbersCompareByValue() {
    ObjectNode modified = json("{'spec':{'replicas':3}}");
    ObjectNode current = (ObjectNode) M.valueToTree(java.util.Map.of("spec", java.util.Map.of("replicas", 3L)));
    assertThat(ThreeWayMerge.patch(modified, modified, current)).isEmpty();
  }

  @Test
  void strategicDeleteDirective() {
    ObjectNode current = json("{'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}");
    ObjectNode patch = json("{'env':[{'name':'A','$patch':'delete'}]}");
    assertThat(ThreeWayMerge.merge(null, patch, current)).isEqualTo(json("{'env':[{'name':'B','value':'2'}]}"));
  }

  @Test
  void lastAppliedEncodingSortsKeysAndEndsWithNewline() {
    ObjectNode manifest = json("{'kind':'Pod','apiVersion':'v1','metadata':{'name':'p','namespace':'default'}}");
    ObjectNode annotated = LastApplied.annotate(manifest);
    assertThat(annotated.at("/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration").asText())
        .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"name\":\"p\","
            + "\"namespace\":\"default\"}}\n");
    assertThat(manifest.has("metadata") && manifest.get("metadata").has("annotations")).as("input untouched").isFalse();
  }

  @Test
  void lastAppliedEscapesHtmlCharactersAsGoDoes() {
    ObjectNode manifest = json("{'spec':{'command':['sh','-c','echo hi && sleep 1 <x>']}}");
    assertThat(LastApplied.encode(manifest))
        .isEqualTo("{\"spec\":{\"command\":[\"sh\",\"-c\",\"echo hi \\u0026\\u0026 sleep 1 \\u003cx\\u003e\"]}}\n");
  }

  /** Re-applying the manifest to the object the first apply produced changes nothing, whatever else is live. */
  @Property(tries = 200)
  void reapplyingIsUnchanged(@ForAll @IntRange(min = 0, max = 50) int replicas, @ForAll @IntRange(min = 0, max = 9) int extra,
      @ForAll boolean dropLabel) {
    ObjectNode first = json("{'metadata':{'labels':{'app':'a','tier':'t'}},'spec':{'replicas':" + replicas
        + ",'template':{'spec':{'containers':[{'name':'c','image':'i:" + extra + "'}]}}}}");
    ObjectNode live = json("{'metadata':{'labels':{'app':'a'},'uid':'u'},'spec':{'replicas':1,'template':{'spec':"
        + "{'containers':[{'name':'c','image':'old','imagePullPolicy':'Always'},{'name':'d','image':'d'}]}}},"
        + "'status':{'replicas':" + extra + "}}");
    ObjectNode afterFirst = ThreeWayMerge.merge(null, first, live);
    ObjectNode second = first.deepCopy();
    if (dropLabel) ((ObjectNode) second.get("metadata").get("labels")).remove("tier");
    ObjectNode afterSecond = ThreeWayMerge.merge(first, second, afterFirst);
    assertThat(ThreeWayMerge.patch(second, second, afterSecond)).isEmpty();
    assertThat(afterSecond.at("/metadata/labels").has("tier")).isEqualTo(!dropLabel);
    assertThat(afterSecond.at("/status/replicas").asInt()).isEqualTo(extra);
    assertThat(afterSecond.at("/spec/template/spec/containers/0/imagePullPolicy").asText()).isEqualTo("Always");
  }
}
