package org.ganglion.graph;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saving and loading whole models: architecture (the {@link ModelSpec}) and weights in one
 * {@link Checkpoint} file, which other safetensors readers can open for the weights alone.
 */
public final class Models {
    private Models() {}

    /**
     * Writes {@code model}'s spec and state dict to {@code file} (atomically).
     *
     * @throws IllegalArgumentException when the model cannot be described as a spec (a layer without
     *     a registered type); save its weights with {@link Checkpoint} instead
     */
    public static void save(Module model, Path file) throws IOException {
        ModelSpec.of(model);     // fails here, with the layer's name, rather than writing a file that cannot be loaded
        Checkpoint.write(file, Checkpoint.of(model, null, null));
    }

    /**
     * Recreates a model saved by {@link #save} (or any checkpoint with a model spec): layers through
     * {@code registry}, then the weights, strictly (every parameter present, no extra tensor, every
     * shape equal).
     *
     * @throws ModelFormatException for a malformed file, a missing spec or weights that do not fit
     * @throws UnknownComponentException when a layer type is not registered
     */
    public static Module load(Path file, ComponentRegistry registry) throws IOException {
        Checkpoint.Contents contents = Checkpoint.read(file);
        ModelSpec spec = contents.modelSpec().orElseThrow(() -> new ModelFormatException("checkpoint " + file + ": no model spec ("
                + Checkpoint.MODEL_SPEC_KEY + ") in its metadata; load the weights into your own model with Checkpoint.read(file).restore(model, null)"));
        Module model = spec.toModel(registry);
        try {
            model.loadStateDict(contents.modelState(), true);
        } catch (ModelFormatException e) {
            throw new ModelFormatException("checkpoint " + file + ": the weights do not fit the model spec: " + e.getMessage(), e);
        }
        return model;
    }

    /** {@link #load(Path, ComponentRegistry)} with {@link ComponentRegistry#global()}. */
    public static Module load(Path file) throws IOException { return load(file, ComponentRegistry.global()); }
}
