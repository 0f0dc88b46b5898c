package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;
import org.ganglion.graph.UnknownComponentException;
import org.ganglion.graph.spi.ComponentFactory;
import org.junit.jupiter.api.Test;

/** Every built-in component is reachable by its Keras name, through DS and ServiceLoader alike. */
class RegistryTest {
    static final List<String> LAYERS = List.of("dense", "activation", "dropout", "batch_normalization", "layer_normalization", "flatten",
            "reshape", "input", "perceptron", "relu", "leaky_relu", "prelu", "elu", "selu", "gelu", "swish", "softplus", "hard_sigmoid",
            "sigmoid", "tanh", "softmax", "log_softmax", "linear", "step", "sign");
    static final List<String> LOSSES = List.of("mean_squared_error", "mse", "mean_absolute_error", "mae", "huber", "log_cosh",
            "binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy", "cross_entropy", "hinge", "squared_hinge",
            "focal", "poisson", "kl_divergence", "cosine_similarity");
    static final List<String> METRICS = List.of("accuracy", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
            "top_k_accuracy", "precision", "recall", "f1", "confusion_matrix", "roc_auc", "mse", "mae", "r2");

    private static final Path INTERNAL = Path.of("src/main/java/org/ganglion/nn/internal");
    private static final Pattern COMPONENT = Pattern.compile(
            "@Component\\(service = (\\w+)\\.class, property = ComponentFactory\\.NAME \\+ \"=(\\w+)\"\\)\\s+public static final class (\\w+)");

    /** Options a layer cannot be created without. */
    private static Config minimal(String name) {
        return switch (name) {
            case "dense" -> Config.of(name, "units", 4);
            case "dropout" -> Config.of(name, "rate", 0.25);
            case "reshape" -> Config.of(name, "target_shape", List.of(2, -1));
            case "input" -> Config.of(name, "shape", List.of(6));
            case "activation" -> Config.of(name, "activation", "tanh");
            default -> Config.empty(name);
        };
    }

    @Test
    void everyNameResolves() {
        ComponentRegistry r = ComponentRegistry.global();
        for (String n : LAYERS) assertNotNull(r.layer(n, minimal(n)), n);
        for (String n : LOSSES) assertNotNull(r.loss(n), n);
        assertNotNull(r.loss("weighted_crossentropy", Config.of("weighted_crossentropy", "class_weights", List.of(1, 5))));
        for (String n : METRICS) assertNotNull(r.metric(n), n);
        for (String n : Initializers.names()) assertNotNull(r.initializer(n), n);
        for (String n : List.of("l1", "l2", "l1_l2")) assertNotNull(r.regularizer(n, Config.empty(n)), n);
        assertTrue(r.entries("layer").stream().allMatch(e -> e.provider().equals("classpath")));
        UnknownComponentException e = org.junit.jupiter.api.Assertions.assertThrows(UnknownComponentException.class, () -> r.layer("dense_x", Config.empty("dense_x")));
        assertTrue(e.getMessage().contains("dense"), e.getMessage());
    }

    @Test
    void everyLayerRoundTripsItsConfigThroughItsTypeName() {
        ComponentRegistry r = ComponentRegistry.global();
        for (String n : LAYERS) {
            Module m = r.layer(n, minimal(n));
            m.call(T.randn(1, 3, 6));
            assertNotNull(m.typeName(), n);
            Module again = r.layer(m.typeName(), new Config(m.typeName(), m.config()));
            assertEquals(m.config(), again.config(), n);
            assertEquals(m.getClass(), again.getClass(), n);
        }
    }

    /** The {@code ganglion.name} property of each DS component equals what the factory reports, and the services files list them all. */
    @Test
    void declarativeServicesNamesMatchFactoriesAndServiceFiles() throws Exception {
        Map<String, List<String>> declared = new TreeMap<>();
        int components = 0;
        try (Stream<Path> files = Files.list(INTERNAL)) {
            for (Path f : files.filter(p -> p.toString().endsWith("Factories.java")).sorted().toList()) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                String outer = f.getFileName().toString().replace(".java", "");
                Matcher m = COMPONENT.matcher(src);
                while (m.find()) {
                    String binary = "org.ganglion.nn.internal." + outer + "$" + m.group(3);
                    ComponentFactory<?> factory = (ComponentFactory<?>) Class.forName(binary).getConstructor().newInstance();
                    assertEquals(m.group(2), factory.name(), binary);
                    assertTrue(Class.forName("org.ganglion.graph.spi." + m.group(1)).isInstance(factory), binary);
                    declared.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(binary);
                    components++;
                }
            }
        }
        assertEquals(LAYERS.size() + 15 + 14 + 3 + METRICS.size(), components);
        for (Map.Entry<String, List<String>> e : declared.entrySet())
            assertEquals(new TreeSet<>(e.getValue()), new TreeSet<>(services(e.getKey())), e.getKey());
    }

    private static List<String> services(String kind) throws IOException {
        Path p = Path.of("src/main/resources/META-INF/services/org.ganglion.graph.spi." + kind);
        return Files.readAllLines(p, StandardCharsets.UTF_8).stream().map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }
}
