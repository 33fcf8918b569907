package io.contractkit.conformance.fakes;

/**
 * How a simulated implementation differs from the real mock: it sees every request and decides the
 * answer, usually by forwarding to the mock and changing the request or the answer.
 */
@FunctionalInterface
public interface Defect {
  Answer handle(Incoming request, Upstream upstream);

  /** No defect: forwards everything unchanged (a correct implementation). */
  Defect NONE = (request, upstream) -> upstream.forward(request);
}
