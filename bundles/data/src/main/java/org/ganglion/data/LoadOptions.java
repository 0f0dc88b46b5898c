package org.ganglion.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where {@link Mnist} and {@link FashionMnist} look for their files and how they convert them.
 * Immutable; each {@code with}-style method returns a modified copy.
 *
 * <p>Search order for dataset {@code <name>} (e.g. {@code fashion-mnist}); a folder counts when
 * it holds all four files, each gzip-compressed ({@code .gz}) or raw:
 * <ol>
 *   <li>{@link #folder(Path)}, when given;</li>
 *   <li>{@code $GANGLION_DATA/<name>}, then {@code $GANGLION_DATA} itself;</li>
 *   <li>{@link #cacheRoot(Path)}{@code /<name>}, by default {@code ~/.ganglion/datasets/<name>};</li>
 *   <li>each {@link #systemRoots(List)}{@code /<name>}, by default {@code /usr/share/datasets/<name>}
 *       (Debian's {@code dataset-fashion-mnist} package installs there);</li>
 *   <li>when {@link #download()} is on: the missing files are downloaded from the official URL (or
 *       {@link #mirror(URI)}) into the cache folder, MD5-checked and atomically renamed into place.</li>
 * </ol>
 * Download is on by default unless the environment variable {@code GANGLION_OFFLINE} is set to
 * anything but {@code 0}/{@code false}.
 */
public final class LoadOptions {
    private final Path folder;
    private final boolean scale;
    private final Boolean download;
    private final Downloader downloader;
    private final URI mirror;
    private final Path cacheRoot;
    private final List<Path> systemRoots;
    private final UnaryOperator<String> environment;

    private LoadOptions(Path folder, boolean scale, Boolean download, Downloader downloader, URI mirror,
            Path cacheRoot, List<Path> systemRoots, UnaryOperator<String> environment) {
        this.folder = folder;
        this.scale = scale;
        this.download = download;
        this.downloader = downloader;
        this.mirror = mirror;
        this.cacheRoot = cacheRoot;
        this.systemRoots = List.copyOf(systemRoots);
        this.environment = environment;
    }

    /** Pixels scaled to [0,1], the default search order, download per {@code GANGLION_OFFLINE}. */
    public static LoadOptions defaults() {
        return new LoadOptions(null, true, null, Downloader.standard(), null,
                Path.of(System.getProperty("user.home"), ".ganglion", "datasets"),
                List.of(Path.of("/usr/share/datasets")), System::getenv);
    }

    /** Look here first. */
    public LoadOptions folder(Path folder) {
        return new LoadOptions(folder, scale, download, downloader, mirror, cacheRoot, systemRoots, environment);
    }

    /** {@code true} (default): pixels / 255 in [0,1]; {@code false}: raw 0..255 as float32. */
    public LoadOptions scale(boolean scale) {
        return new LoadOptions(folder, scale, download, downloader, mirror, cacheRoot, systemRoots, environment);
    }

    /** Allow or forbid the download step. */
    public LoadOptions download(boolean download) {
        return new LoadOptions(folder, scale, download, downloader, mirror, cacheRoot, systemRoots, environment);
    }

    /** Fetch with this instead of {@link Downloader#standard()}. */
    public LoadOptions downloader(Downloader downloader) {
        return new LoadOptions(folder, scale, download, downloader, mirror, cacheRoot, systemRoots, environment);
    }

    /** Download from this base URI (ending in {@code /}) instead of the official one; same MD5 sums. */
    public LoadOptions mirror(URI mirror) {
        return new LoadOptions(folder, scale, download, downloader, mirror, cacheRoot, systemRoots, environment);
    }

    /** The cache root holding {@code <name>/} folders (default {@code ~/.ganglion/datasets}). */
    public LoadOptions cacheRoot(Path cacheRoot) {
        return new LoadOptions(folder, scale, download, downloader, mirror, cacheRoot, systemRoots, environment);
    }

    /** System-wide roots holding {@code <name>/} folders (default {@code /usr/share/datasets}). */
    public LoadOptions systemRoots(List<Path> systemRoots) {
        return new LoadOptions(folder, scale, download, downloader, mirror, cacheRoot, systemRoots, environment);
    }

    /** Where environment variables are read from (default {@link System#getenv(String)}); for tests. */
    public LoadOptions environment(UnaryOperator<String> environment) {
        return new LoadOptions(folder, scale, download, downloader, mirror, cacheRoot, systemRoots, environment);
    }

    public Path folder() { return folder; }

    public boolean scale() { return scale; }

    /** Whether the download step runs: as set, else off when {@code GANGLION_OFFLINE} is set. */
    public boolean download() {
        if (download != null) return download;
        String off = environment.apply("GANGLION_OFFLINE");
        return off == null || off.isBlank() || off.trim().equals("0") || off.trim().toLowerCase(Locale.ROOT).equals("false");
    }

    public Downloader downloader() { return downloader; }

    /** The download base set by {@link #mirror(URI)}, or {@code null} for the official one. */
    public URI mirror() { return mirror; }

    public Path cacheRoot() { return cacheRoot; }

    public List<Path> systemRoots() { return systemRoots; }

    /** The value of an environment variable as seen by these options. */
    public String env(String name) { return environment.apply(name); }
}
