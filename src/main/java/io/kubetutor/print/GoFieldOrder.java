package io.kubetutor.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order Go's {@code encoding/json} gives the fields of the typed API structs (k8s.io/api v1.31):
 * declaration order, {@code kind} before {@code apiVersion}, Go maps (labels, data, selectors ...)
 * sorted. kubectl prints a typed object this way with {@code -o json} when a command built it
 * itself ({@code create deployment}, {@code run}, {@code expose} ...); objects it read as
 * unstructured come out sorted instead (see {@link Documents#tree}).
 *
 * <p>Each type is listed as its JSON field names in declaration order; {@code field:Type} marks a
 * field holding a struct (or a list of them). Fields without a type are scalars, lists of scalars or
 * Go maps. A field missing from the table (a newer API field) follows the known ones, sorted.
 */
final class GoFieldOrder {

  private GoFieldOrder() {}

  private static final String META = "kind apiVersion metadata:ObjectMeta";

  private static final Map<String, Map<String, String>> TYPES = new HashMap<>();

  static {
    type("Deployment", META + " spec:DeploymentSpec status:DeploymentStatus");
    type("Pod", META + " spec:PodSpec status:PodStatus");
    type("Service", META + " spec:ServiceSpec status:ServiceStatus");
    type("Namespace", META + " spec:NamespaceSpec status:NamespaceStatus");
    type("ConfigMap", META + " immutable data binaryData");
    type("Secret", META + " immutable data stringData type");

    type("ObjectMeta", "name generateName namespace selfLink uid resourceVersion generation creationTimestamp"
        + " deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences:OwnerReference"
        + " finalizers managedFields:ManagedFieldsEntry");
    type("OwnerReference", "apiVersion kind name uid controller blockOwnerDeletion");
    type("ManagedFieldsEntry", "manager operation apiVersion time fieldsType fieldsV1 subresource");
    type("LabelSelector", "matchLabels matchExpressions:LabelSelectorRequirement");
    type("LabelSelectorRequirement", "key operator values");

    type("DeploymentSpec", "replicas selector:LabelSelector template:PodTemplateSpec strategy:DeploymentStrategy"
        + " minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds");
    type("DeploymentStrategy", "type rollingUpdate:RollingUpdateDeployment");
    type("RollingUpdateDeployment", "maxUnavailable maxSurge");
    type("DeploymentStatus", "observedGeneration replicas updatedReplicas readyReplicas availableReplicas"
        + " unavailableReplicas conditions:DeploymentCondition collisionCount");
    type("DeploymentCondition", "type status lastUpdateTime lastTransitionTime reason message");
    type("PodTemplateSpec", "metadata:ObjectMeta spec:PodSpec");

    type("PodSpec", "volumes:Volume initContainers:Container containers:Container ephemeralContainers:Container"
        + " restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector"
        + " serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC"
        + " shareProcessNamespace securityContext:PodSecurityContext imagePullSecrets:LocalObjectReference hostname"
        + " subdomain affinity schedulerName tolerations:Toleration hostAliases priorityClassName priority dnsConfig"
        + " readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints"
        + " setHostnameAsFQDN os hostUsers schedulingGates resourceClaims");
    type("Container", "name image command args workingDir ports:ContainerPort envFrom:EnvFromSource env:EnvVar"
        + " resources:ResourceRequirements resizePolicy restartPolicy volumeMounts:VolumeMount volumeDevices"
        + " livenessProbe:Probe readinessProbe:Probe startupProbe:Probe lifecycle terminationMessagePath"
        + " terminationMessagePolicy imagePullPolicy securityContext:SecurityContext stdin stdinOnce tty");
    type("ContainerPort", "name hostPort containerPort protocol hostIP");
    type("EnvVar", "name value valueFrom:EnvVarSource");
    type("EnvVarSource", "fieldRef:ObjectFieldSelector resourceFieldRef configMapKeyRef:KeySelector"
        + " secretKeyRef:KeySelector");
    type("ObjectFieldSelector", "apiVersion fieldPath");
    type("KeySelector", "name key optional");
    type("EnvFromSource", "prefix configMapRef:LocalObjectReference secretRef:LocalObjectReference");
    type("LocalObjectReference", "name");
    type("ResourceRequirements", "limits requests claims");
    type("VolumeMount", "name readOnly recursiveReadOnly mountPath subPath mountPropagation subPathExpr");
    type("Probe", "exec:ExecAction httpGet:HTTPGetAction tcpSocket:TCPSocketAction grpc initialDelaySeconds"
        + " timeoutSeconds periodSeconds successThreshold failureThreshold terminationGracePeriodSeconds");
    type("ExecAction", "command");
    type("HTTPGetAction", "path port host scheme httpHeaders");
    type("TCPSocketAction", "port host");
    type("SecurityContext", "capabilities privileged seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot"
        + " readOnlyRootFilesystem allowPrivilegeEscalation procMount seccompProfile appArmorProfile");
    type("PodSecurityContext", "seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot supplementalGroups"
        + " supplementalGroupsPolicy fsGroup sysctls fsGroupChangePolicy seccompProfile appArmorProfile");
    type("Toleration", "key operator value effect tolerationSeconds");
    type("Volume", "name hostPath:HostPathVolumeSource emptyDir:EmptyDirVolumeSource gcePersistentDisk"
        + " awsElasticBlockStore gitRepo secret:SecretVolumeSource nfs iscsi glusterfs"
        + " persistentVolumeClaim:PersistentVolumeClaimVolumeSource rbd flexVolume cinder cephfs flocker downwardAPI"
        + " fc azureFile configMap:ConfigMapVolumeSource vsphereVolume quobyte azureDisk photonPersistentDisk"
        + " projected portworxVolume scaleIO storageos csi ephemeral image");
    type("HostPathVolumeSource", "path type");
    type("EmptyDirVolumeSource", "medium sizeLimit");
    type("SecretVolumeSource", "secretName items:KeyToPath defaultMode optional");
    type("ConfigMapVolumeSource", "name items:KeyToPath defaultMode optional");
    type("KeyToPath", "key path mode");
    type("PersistentVolumeClaimVolumeSource", "claimName readOnly");

    type("PodStatus", "phase conditions:PodCondition message reason nominatedNodeName hostIP hostIPs podIP podIPs"
        + " startTime initContainerStatuses:ContainerStatus containerStatuses:ContainerStatus qosClass"
        + " ephemeralContainerStatuses:ContainerStatus resize resourceClaimStatuses");
    type("PodCondition", "type status lastProbeTime lastTransitionTime reason message");
    type("ContainerStatus", "name state:ContainerState lastState:ContainerState ready restartCount image imageID"
        + " containerID started allocatedResources resources:ResourceRequirements volumeMounts user"
        + " allocatedResourcesStatus");
    type("ContainerState", "waiting:ContainerStateWaiting running:ContainerStateRunning"
        + " terminated:ContainerStateTerminated");
    type("ContainerStateWaiting", "reason message");
    type("ContainerStateRunning", "startedAt");
    type("ContainerStateTerminated", "exitCode signal reason message startedAt finishedAt containerID");

    type("ServiceSpec", "ports:ServicePort selector clusterIP clusterIPs type externalIPs sessionAffinity"
        + " loadBalancerIP loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort"
        + " publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy allocateLoadBalancerNodePorts"
        + " loadBalancerClass internalTrafficPolicy trafficDistribution");
    type("ServicePort", "name protocol appProtocol port targetPort nodePort");
    type("ServiceStatus", "loadBalancer:LoadBalancerStatus conditions");
    type("LoadBalancerStatus", "ingress:LoadBalancerIngress");
    type("LoadBalancerIngress", "ip hostname ipMode ports");
    type("NamespaceSpec", "finalizers");
    type("NamespaceStatus", "phase conditions");
  }

  private static void type(String name, String fields) {
    Map<String, String> order = new LinkedHashMap<>();
    for (String f : fields.split(" ")) {
      int colon = f.indexOf(':');
      order.put(colon < 0 ? f : f.substring(0, colon), colon < 0 ? null : f.substring(colon + 1));
    }
    TYPES.put(name, order);
  }

  /** The API kinds (top-level objects) whose struct the table knows. */
  private static final java.util.Set<String> KINDS =
      java.util.Set.of("Deployment", "Pod", "Service", "Namespace", "ConfigMap", "Secret");

  /** True when the table knows the struct of this kind. */
  static boolean knows(String kind) {
    return KINDS.contains(kind);
  }

  /** The tree of a typed object of {@code kind}, its keys in Go's order. */
  static JsonNode order(String kind, JsonNode tree) {
    return struct(TYPES.get(kind), tree);
  }

  private static JsonNode struct(Map<String, String> fields, JsonNode node) {
    if (fields == null || !node.isObject()) return goMap(node);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      JsonNode v = node.get(f.getKey());
      if (v != null) out.set(f.getKey(), value(f.getValue(), v));
    }
    List<String> unknown = new ArrayList<>();
    node.fieldNames().forEachRemaining(n -> {
      if (!fields.containsKey(n)) unknown.add(n);
    });
    Collections.sort(unknown);
    for (String n : unknown) out.set(n, goMap(node.get(n)));
    return out;
  }

  private static JsonNode value(String type, JsonNode v) {
    if (type == null) return goMap(v);
    if (v.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode e : v) out.add(struct(TYPES.get(type), e));
      return out;
    }
    return struct(TYPES.get(type), v);
  }

  /** A Go map (or a value of a type not in the table): keys sorted, as encoding/json writes maps. */
  private static JsonNode goMap(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String n : names) out.set(n, goMap(node.get(n)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode e : node) out.add(goMap(e));
      return out;
    }
    return node;
  }
}
