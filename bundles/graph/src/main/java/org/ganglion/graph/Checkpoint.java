package org.ganglion.graph;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.ganglion.core.RandomKey;

/**
 * Checkpoint and model files: the safetensors layout, so other tools can read the weights (see
 * ARCHITECTURE §4). Tensors are stored by name; the header's {@code __metadata__} (string to
 * string, as safetensors requires) holds {@value #FORMAT_VERSION_KEY}, the SHA-256 of the data
 * section ({@value #DATA_SHA256_KEY}), and optionally the model spec, the optimizer's name and
 * scalars, and the training state. Optimizer tensors are stored as ordinary entries under
 * {@value #OPTIMIZER_PREFIX}; every other entry is the model's state dict.
 *
 * <p><b>Writing</b> is atomic: a temporary file in the target's folder, flushed to disk
 * ({@code FileChannel.force}), then renamed over the target, so a crash leaves the old file or the
 * new one, never half of one. <b>Reading</b> only parses: it never runs code, never uses Java
 * serialization, never opens another path, never installs a plugin. Every malformed input —
 * truncation, an absurd header length, bad JSON, offsets out of range or overlapping or leaving
 * gaps, unknown dtypes, shapes that do not match the bytes, a checksum mismatch, missing
 * metadata — is a {@link ModelFormatException} naming the file and the problem.
 */
public final class Checkpoint {
    public static final String FORMAT_VERSION = "1";
    public static final String FORMAT_VERSION_KEY = "ganglion.format_version";
    public static final String DATA_SHA256_KEY = "ganglion.data_sha256";
    public static final String MODEL_SPEC_KEY = "ganglion.model_spec";
    public static final String OPTIMIZER_KEY = "ganglion.optimizer";
    public static final String OPTIMIZER_ITERATIONS_KEY = "ganglion.optimizer.iterations";
    public static final String OPTIMIZER_LEARNING_RATE_KEY = "ganglion.optimizer.learning_rate";
    public static final String EPOCH_KEY = "ganglion.epoch";
    public static final String STEP_KEY = "ganglion.step";
    public static final String RNG_KEY = "ganglion.rng_key";
    public static final String DATA_CURSOR_KEY = "ganglion.data_cursor";
    /** Tensor names of the optimizer state start with this. */
    public static final String OPTIMIZER_PREFIX = "optimizer.";

    private Checkpoint() {}

    /**
     * Where training stands: epoch and step counters, the random key the next step derives its keys
     * from, and the data loader's position (opaque strings the data pipeline understands).
     */
    public record TrainingState(long epoch, long step, RandomKey rng, Map<String, String> dataCursor) {
        public TrainingState {
            java.util.Objects.requireNonNull(rng, "rng");
            dataCursor = Collections.unmodifiableMap(new LinkedHashMap<>(dataCursor == null ? Map.of() : dataCursor));
        }
    }

    /** What a checkpoint file holds: named tensors and string metadata. */
    public record Contents(StateDict tensors, Map<String, String> metadata) {
        public Contents {
            tensors = new StateDict().putAll("", tensors);
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }

        /** The model's tensors: every entry not under {@value #OPTIMIZER_PREFIX}. */
        public StateDict modelState() {
            StateDict d = new StateDict();
            tensors.asMap().forEach((k, v) -> { if (!k.startsWith(OPTIMIZER_PREFIX)) d.put(k, v); });
            return d;
        }

        /** The optimizer's tensors with the prefix removed. */
        public StateDict optimizerState() { return tensors.sub(OPTIMIZER_PREFIX.substring(0, OPTIMIZER_PREFIX.length() - 1)); }

        /** The model spec, when the file has one. */
        public Optional<ModelSpec> modelSpec() {
            String s = metadata.get(MODEL_SPEC_KEY);
            return s == null ? Optional.empty() : Optional.of(ModelSpec.parse(s));
        }

        /** The training state, when the file has one; a partial one is a {@link ModelFormatException}. */
        public Optional<TrainingState> trainingState() {
            if (!metadata.containsKey(STEP_KEY) && !metadata.containsKey(EPOCH_KEY) && !metadata.containsKey(RNG_KEY)) return Optional.empty();
            long epoch = number(EPOCH_KEY), step = number(STEP_KEY);
            String rng = required(RNG_KEY);
            if (!rng.matches("[0-9a-f]{16}")) throw new ModelFormatException("checkpoint metadata " + RNG_KEY + " must be 16 hex digits, got '" + rng + "'");
            Object cursor = Json.parse(metadata.getOrDefault(DATA_CURSOR_KEY, "{}"), "checkpoint metadata " + DATA_CURSOR_KEY);
            if (!(cursor instanceof Map<?, ?> c) || !c.values().stream().allMatch(v -> v instanceof String))
                throw new ModelFormatException("checkpoint metadata " + DATA_CURSOR_KEY + " must be a JSON object of strings");
            Map<String, String> dataCursor = new LinkedHashMap<>();
            c.forEach((k, v) -> dataCursor.put((String) k, (String) v));
            return Optional.of(new TrainingState(epoch, step, new RandomKey(Long.parseUnsignedLong(rng, 16)), dataCursor));
        }

        /**
         * Loads the model state strictly into {@code model} and, when {@code optimizer} is not null,
         * the optimizer state into it (it must be the same kind of optimizer).
         */
        public void restore(Module model, Optimizer optimizer) {
            model.loadStateDict(modelState(), true);
            if (optimizer == null) return;
            String saved = metadata.get(OPTIMIZER_KEY);
            if (saved == null) throw new ModelFormatException("checkpoint has no optimizer state (no " + OPTIMIZER_KEY + " in its metadata)");
            if (!saved.equals(optimizer.name()))
                throw new ModelFormatException("checkpoint holds the state of optimizer '" + saved + "', cannot restore it into '" + optimizer.name() + "'");
            optimizer.loadStateDict(optimizerState());
        }

        private String required(String key) {
            String v = metadata.get(key);
            if (v == null) throw new ModelFormatException("checkpoint metadata is missing the field " + key);
            return v;
        }

        private long number(String key) {
            String v = required(key);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ModelFormatException("checkpoint metadata " + key + " must be an integer, got '" + v + "'");
            }
        }
    }

    /**
     * A checkpoint of a model and, optionally (null), its optimizer and the training state. The model
     * spec is included when the model can be described ({@link ModelSpec#of}); models assembled from
     * layers without a registered type are saved with their weights only.
     *
     * @throws IllegalArgumentException when a model tensor's name starts with {@value #OPTIMIZER_PREFIX}
     */
    public static Contents of(Module model, Optimizer optimizer, TrainingState state) {
        StateDict tensors = model.stateDict();
        for (String k : tensors.asMap().keySet())
            if (k.startsWith(OPTIMIZER_PREFIX))
                throw new IllegalArgumentException("model tensor '" + k + "' collides with the optimizer namespace; rename the layer '" + k.split("\\.")[0] + "'");
        Map<String, String> meta = new LinkedHashMap<>();
        if (model instanceof Sequential || model instanceof Model) {
            try {
                meta.put(MODEL_SPEC_KEY, Json.write(ModelSpec.of(model).asMap()));
            } catch (IllegalArgumentException notDescribable) {
                // weights only: restoring needs the caller's own model instance
            }
        }
        if (optimizer != null) {
            tensors.putAll(OPTIMIZER_PREFIX.substring(0, OPTIMIZER_PREFIX.length() - 1), optimizer.stateDict());
            meta.put(OPTIMIZER_KEY, optimizer.name());
            meta.put(OPTIMIZER_ITERATIONS_KEY, Long.toString(optimizer.iterations()));
            meta.put(OPTIMIZER_LEARNING_RATE_KEY, Double.toString(optimizer.learningRate()));
        }
        if (state != null) {
            meta.put(EPOCH_KEY, Long.toString(state.epoch()));
            meta.put(STEP_KEY, Long.toString(state.step()));
            meta.put(RNG_KEY, String.format("%016x", state.rng().bits()));
            meta.put(DATA_CURSOR_KEY, Json.write(state.dataCursor()));
        }
        return new Contents(tensors, meta);
    }

    /**
     * Writes {@code contents} atomically to {@code file}, replacing it if it exists. The format
     * version and checksum entries of the metadata are set by the writer.
     */
    public static void write(Path file, Contents contents) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Map<String, String> meta = new LinkedHashMap<>(contents.metadata());
        meta.put(FORMAT_VERSION_KEY, FORMAT_VERSION);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                SafeTensors.write(ch, contents.tensors(), meta, DATA_SHA256_KEY);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory(target.getParent());
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException unsupported) {
            // not possible on every platform (Windows); the file itself is already on disk
        }
    }

    /**
     * Reads and verifies a checkpoint: layout, format version and data checksum.
     *
     * @throws ModelFormatException for any malformed or tampered file
     */
    public static Contents read(Path file) throws IOException {
        String what = "checkpoint " + file;
        SafeTensors.Contents raw;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            raw = SafeTensors.read(ch, what);
        }
        String version = raw.metadata().get(FORMAT_VERSION_KEY);
        if (version == null) throw new ModelFormatException(what + ": metadata is missing the field " + FORMAT_VERSION_KEY + " (not a Ganglion checkpoint?)");
        if (!version.equals(FORMAT_VERSION))
            throw new ModelFormatException(what + ": unsupported format version '" + version + "' (this reader supports " + FORMAT_VERSION + ")");
        String sha = raw.metadata().get(DATA_SHA256_KEY);
        if (sha == null) throw new ModelFormatException(what + ": metadata is missing the field " + DATA_SHA256_KEY);
        if (!sha.equalsIgnoreCase(raw.dataSha256()))
            throw new ModelFormatException(what + ": checksum mismatch: the data section's SHA-256 is " + raw.dataSha256() + ", the header says " + sha);
        return new Contents(raw.tensors(), raw.metadata());
    }
}
