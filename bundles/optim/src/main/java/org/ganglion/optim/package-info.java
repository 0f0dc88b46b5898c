/**
 * Optimizers as compositions of small, pure gradient transformations (optax style), learning-rate
 * schedules and the reduce-on-plateau policy.
 *
 * <ul>
 *   <li>{@link org.ganglion.optim.GradientTransformation}: {@code init} and {@code update} over
 *       gradients keyed by parameter name, with immutable state; {@link org.ganglion.optim.Transforms}
 *       holds the building blocks and {@code chain}.</li>
 *   <li>{@link org.ganglion.optim.ChainOptimizer}: graph's {@link org.ganglion.graph.Optimizer}
 *       built from a transformation and a {@link org.ganglion.graph.Schedule};
 *       {@link org.ganglion.optim.Optimizers} gives the named optimizers with Keras defaults.</li>
 *   <li>{@link org.ganglion.optim.Schedules} and {@link org.ganglion.optim.ReduceLROnPlateau}.</li>
 * </ul>
 * The same optimizers and schedules are registered by name ({@code adam}, {@code cosine}, …) as
 * {@link org.ganglion.graph.spi.OptimizerFactory} and {@link org.ganglion.graph.spi.ScheduleFactory}
 * services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.optim;
