package org.ganglion.graph.spi;

import org.ganglion.graph.Config;

/**
 * Creates a named component from its options. The name is what model specs and
 * {@code compile("adam", ...)} use; it must equal the service's {@value #NAME} property.
 *
 * @param <T> what the factory creates
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ComponentFactory<T> {
    /** Service property carrying the component name. */
    String NAME = "ganglion.name";

    /** The registered name, lower_snake_case, e.g. {@code dense}, {@code adam}, {@code sparse_categorical_crossentropy}. */
    String name();

    /** A new component; invalid options raise {@link IllegalArgumentException} naming the component and option. */
    T create(Config config);

    /** Other names that resolve to this component (e.g. {@code mse} for {@code mean_squared_error}). */
    default java.util.List<String> aliases() { return java.util.List.of(); }
}
