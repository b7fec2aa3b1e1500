package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionFixture;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of {@code -o json} key order: objects kubectl builds itself are Go structs, so JSON
 * follows struct field order (kind before apiVersion, metadata name first, maps sorted), while
 * objects read from files or the server as unstructured come out sorted.
 */
class GeneratedJsonOrderTest extends SessionFixture {

  @Test
  void createDeploymentDryRunJsonFollowsTheGoStruct() {
    Result r = sh.run("kubectl create deployment web --image=nginx:1.25 --replicas=2 --port=80 --dry-run=client -o json");
    assertThat(r).isEqualTo(new Result(0, """
        {
            "kind": "Deployment",
            "apiVersion": "apps/v1",
            "metadata": {
                "name": "web",
                "creationTimestamp": null,
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "replicas": 2,
                "selector": {
                    "matchLabels": {
                        "app": "web"
                    }
                },
                "template": {
                    "metadata": {
                        "creationTimestamp": null,
                        "labels": {
                            "app": "web"
                        }
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "nginx",
                                "image": "nginx:1.25",
                                "ports": [
                                    {
                                        "containerPort": 80
                                    }
                                ],
                                "resources": {}
                            }
                        ]
                    }
                },
                "strategy": {}
            },
            "status": {}
        }
        """, ""));
  }

  @Test
  void runDryRunJsonFollowsTheGoStruct() {
    Result r = sh.run("kubectl run web --image=nginx --labels=tier=front,app=web --env=B=2 --dry-run=client -o json");
    assertThat(r).isEqualTo(new Result(0, """
        {
            "kind": "Pod",
            "apiVersion": "v1",
            "metadata": {
                "name": "web",
                "creationTimestamp": null,
                "labels": {
                    "app": "web",
                    "tier": "front"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "web",
                        "image": "nginx",
                        "env": [
                            {
                                "name": "B",
                                "value": "2"
                            }
                        ],
                        "resources": {}
                    }
                ],
                "restartPolicy": "Always",
                "dnsPolicy": "ClusterFirst"
            },
            "status": {}
        }
        """, ""));
  }

  @Test
  void createConfigMapAndNamespaceDryRunJson() {
    Result cm = sh.run("kubectl create configmap cfg --from-literal=b=2 --from-literal=a=1 -n dev --dry-run=client -o json");
    assertThat(cm.out()).isEqualTo("""
        {
            "kind": "ConfigMap",
            "apiVersion": "v1",
            "metadata": {
                "name": "cfg",
                "namespace": "dev",
                "creationTimestamp": null
            },
            "data": {
                "a": "1",
                "b": "2"
            }
        }
        """);
    Result ns = sh.run("kubectl create namespace dev --dry-run=client -o json");
    assertThat(ns.out()).isEqualTo("""
        {
            "kind": "Namespace",
            "apiVersion": "v1",
            "metadata": {
                "name": "dev",
                "creationTimestamp": null
            },
            "spec": {},
            "status": {}
        }
        """);
  }

  @Test
  void dryRunYamlStaysSortedAndFileObjectsStaySortedInJson() throws Exception {
    assertThat(sh.run("kubectl create namespace dev --dry-run=client -o yaml").out()).isEqualTo("""
        apiVersion: v1
        kind: Namespace
        metadata:
          creationTimestamp: null
          name: dev
        spec: {}
        status: {}
        """);
    Files.writeString(dir.resolve("cm.yaml"), """
        kind: ConfigMap
        apiVersion: v1
        metadata:
          name: cfg
        data:
          k: v
        """);
    // create -f reads the file as unstructured: its JSON is sorted, unlike the generated objects above.
    assertThat(sh.run("kubectl create -f cm.yaml --dry-run=client -o json").out()).isEqualTo("""
        {
            "apiVersion": "v1",
            "data": {
                "k": "v"
            },
            "kind": "ConfigMap",
            "metadata": {
                "name": "cfg",
                "namespace": "default"
            }
        }
        """);
  }

  @Test
  void createdNamespaceJsonIsTheServerObjectInStructOrder() {
    Result r = sh.run("kubectl create namespace prod -o json");
    // kubectl decodes the created object into its Go type too: server fields in struct order.
    assertThat(r).isEqualTo(new Result(0, """
        {
            "kind": "Namespace",
            "apiVersion": "v1",
            "metadata": {
                "name": "prod",
                "uid": "86c5d1b0-5ce2-4e14-9180-b23a1075b77f",
                "resourceVersion": "1023",
                "creationTimestamp": "2026-01-05T09:00:05Z",
                "labels": {
                    "kubernetes.io/metadata.name": "prod"
                }
            },
            "spec": {
                "finalizers": [
                    "kubernetes"
                ]
            },
            "status": {
                "phase": "Active"
            }
        }
        """, ""));
  }
}
