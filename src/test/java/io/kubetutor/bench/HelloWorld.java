package io.kubetutor.bench;

/** The floor of every start-up figure: a JVM that prints one line and exits. */
public final class HelloWorld {
  public static void main(String[] args) {
    System.out.println("hello> ");
  }
}
