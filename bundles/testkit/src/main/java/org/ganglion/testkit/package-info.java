/**
 * The device conformance kit. {@link org.ganglion.testkit.OpSpecs#all()} declares every tensor
 * operation once (in the manner of PyTorch's OpInfo): sample inputs with their arguments, the forward
 * as a function of tensors, the same function over autograd variables for a float64 gradient check,
 * inputs that must fail with a given exception, and float32 tolerances.
 * {@link org.ganglion.testkit.DeviceConformance} turns that table into JUnit 5 dynamic tests that run
 * a device under test against the reference device; a device bundle plugs in with one class:
 *
 * <pre>{@code
 * class EjmlConformanceTest extends DeviceConformance {
 *     protected ComputeDevice device() { return new EjmlDevice(); }
 * }
 * }</pre>
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.testkit;
