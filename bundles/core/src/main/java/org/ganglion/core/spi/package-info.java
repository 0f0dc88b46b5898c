/**
 * The device SPI: the small set of primitive kernels and buffer operations a compute device
 * implements. Everything composite (softmax, convolution, norms, losses) is written once on top of
 * these in core and the bundles above it. Devices may add fused kernels as capabilities
 * ({@link org.ganglion.core.spi.ComputeDevice#capability}); the composite version stays the
 * specification and the testkit checks each fused kernel against it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.core.spi;
