package org.ganglion.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what a test does when something it needs (a dataset, an OpenCL device) is missing:
 * skip, unless the environment variable {@code GANGLION_REQUIRE} (comma-separated names, e.g.
 * {@code opencl,fashion-mnist}) lists it, in which case the absence is a failure. CI machines that
 * are known to have the resource set the variable so that a silent skip cannot hide a regression.
 *
 * <p>Test-framework neutral: a JUnit test calls {@link #check} and turns {@code false} into an
 * aborted (skipped) test, e.g. {@code Assumptions.assumeTrue(Requirements.check(...), reason)}.
 */
public final class Requirements {
    /** The environment variable read by {@link #fromEnvironment()}. */
    public static final String ENV = "GANGLION_REQUIRE";

    /** What to do with a test whose resource is or is not available. */
    public enum Decision { RUN, SKIP, FAIL }

    private final Set<String> required;

    private Requirements(Set<String> required) { this.required = required; }

    /** The names listed in {@code GANGLION_REQUIRE} (none when unset). */
    public static Requirements fromEnvironment() { return parse(System.getenv(ENV)); }

    /** The names in a comma-separated list such as {@code "opencl, fashion-mnist"}; case-insensitive. */
    public static Requirements parse(String list) {
        if (list == null || list.isBlank()) return new Requirements(Set.of());
        return new Requirements(Arrays.stream(list.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    /** True when {@code name} must be present. */
    public boolean isRequired(String name) { return required.contains(name.trim().toLowerCase(Locale.ROOT)); }

    public Set<String> required() { return required; }

    /** RUN when available; else FAIL when required, SKIP when not. */
    public Decision decide(String name, boolean available) {
        if (available) return Decision.RUN;
        return isRequired(name) ? Decision.FAIL : Decision.SKIP;
    }

    /**
     * True to run the test, false to skip it; throws {@link IllegalStateException} (failing the test)
     * when {@code name} is unavailable but required.
     *
     * @param reason why it is unavailable and how to provide it; goes into the failure message
     */
    public boolean require(String name, boolean available, String reason) {
        return switch (decide(name, available)) {
            case RUN -> true;
            case SKIP -> false;
            case FAIL -> throw new IllegalStateException(name + " is required (" + ENV + "=" + String.join(",", new java.util.TreeSet<>(required))
                    + ") but unavailable: " + reason);
        };
    }

    /** {@link #require} with the requirements of {@code GANGLION_REQUIRE}. */
    public static boolean check(String name, boolean available, String reason) {
        return fromEnvironment().require(name, available, reason);
    }
}
