package org.ganglion.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.data.DataFormatException;
import org.ganglion.data.DatasetUnavailableException;
import org.ganglion.data.LoadOptions;

/**
 * Finds the files of a named dataset in the folders {@link LoadOptions} lists, or downloads them into
 * the cache folder: each file to a temporary {@code .part} file beside its final place, MD5-checked
 * while it streams, then atomically renamed, so a crash or a bad download never leaves a file that
 * looks complete.
 *
 * @param name    the dataset's folder name, e.g. {@code fashion-mnist}
 * @param base    the official download base URI, ending in {@code /}
 * @param md5     the published MD5 sum of each {@code .gz} file, keyed by its name without {@code .gz}
 * @param advice  an extra hint for the error message (e.g. a system package), or empty
 */
public record DatasetFiles(String name, URI base, Map<String, String> md5, String advice) {
    public static final String ENV_DATA = "GANGLION_DATA";

    public DatasetFiles {
        md5 = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(md5));
    }

    /** Each logical file name mapped to its path, found locally or downloaded. */
    public Map<String, Path> resolve(LoadOptions options) {
        List<String> searched = new ArrayList<>();
        for (Candidate c : candidates(options)) {
            if (c.folder == null) {
                searched.add(c.label + ": not set");
                continue;
            }
            Map<String, Path> found = find(c.folder);
            if (found.size() == md5.size()) return found;
            searched.add(c.label + " " + c.folder + ": " + (Files.isDirectory(c.folder) ? "missing " + missing(found) : "no such folder"));
        }
        Path cache = options.cacheRoot().resolve(name);
        URI from = options.mirror() != null ? options.mirror() : base;
        if (!options.download()) {
            searched.add("download from " + from + ": disabled (LoadOptions.download(true), or unset GANGLION_OFFLINE)");
            throw unavailable(searched, null);
        }
        try {
            return download(options, cache, from);
        } catch (IOException e) {
            searched.add("download from " + from + " into " + cache + ": failed: " + e);
            throw unavailable(searched, e);
        }
    }

    /** True when one of the local folders holds every file. */
    public boolean isLocal(LoadOptions options) {
        for (Candidate c : candidates(options)) if (c.folder != null && find(c.folder).size() == md5.size()) return true;
        return false;
    }

    private record Candidate(String label, Path folder) {}

    private List<Candidate> candidates(LoadOptions o) {
        List<Candidate> c = new ArrayList<>();
        c.add(new Candidate("folder argument", o.folder()));
        String env = o.env(ENV_DATA);
        Path envRoot = env == null || env.isBlank() ? null : Path.of(env.trim());
        c.add(new Candidate("$" + ENV_DATA + "/" + name, envRoot == null ? null : envRoot.resolve(name)));
        c.add(new Candidate("$" + ENV_DATA, envRoot));
        c.add(new Candidate("cache", o.cacheRoot().resolve(name)));
        for (Path root : o.systemRoots()) c.add(new Candidate("system folder", root.resolve(name)));
        return c;
    }

    /** The files present in {@code folder}, preferring {@code name.gz} over raw {@code name}. */
    Map<String, Path> find(Path folder) {
        Map<String, Path> found = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) return found;
        for (String f : md5.keySet()) {
            Path gz = folder.resolve(f + ".gz"), raw = folder.resolve(f);
            if (Files.isRegularFile(gz)) found.put(f, gz);
            else if (Files.isRegularFile(raw)) found.put(f, raw);
        }
        return found;
    }

    private String missing(Map<String, Path> found) {
        List<String> m = new ArrayList<>();
        for (String f : md5.keySet()) if (!found.containsKey(f)) m.add(f + "[.gz]");
        return String.join(", ", m);
    }

    private Map<String, Path> download(LoadOptions options, Path cache, URI from) throws IOException {
        Files.createDirectories(cache);
        Map<String, Path> have = find(cache);
        for (Map.Entry<String, String> e : md5.entrySet()) {
            if (have.containsKey(e.getKey())) continue;
            String file = e.getKey() + ".gz";
            Path target = cache.resolve(file);
            fetch(options, from.resolve(file), target, e.getValue());
            have.put(e.getKey(), target);
        }
        Map<String, Path> ordered = new LinkedHashMap<>();
        for (String f : md5.keySet()) ordered.put(f, have.get(f));
        return ordered;
    }

    /** Streams {@code uri} to a temporary file beside {@code target}, checks its MD5, renames it into place. */
    static void fetch(LoadOptions options, URI uri, Path target, String expectedMd5) throws IOException {
        System.getLogger(DatasetFiles.class.getName()).log(System.Logger.Level.INFO, "downloading " + uri + " to " + target);
        Path part = Files.createTempFile(target.getParent(), target.getFileName().toString() + ".", ".part");
        try {
            MessageDigest digest = newMd5();
            long bytes;
            try (InputStream in = new DigestInputStream(options.downloader().open(uri), digest);
                    OutputStream out = Files.newOutputStream(part)) {
                bytes = in.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(expectedMd5))
                throw new DataFormatException(uri.toString(), "MD5 checksum mismatch: expected " + expectedMd5 + ", got " + actual
                        + " (" + bytes + " bytes); the download is corrupt or the server holds a different file. Nothing was kept.");
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5 MessageDigest", e);
        }
    }

    private DatasetUnavailableException unavailable(List<String> searched, Throwable cause) {
        StringBuilder s = new StringBuilder(name).append(" is not available. Looked for ")
                .append(String.join(", ", md5.keySet())).append(" (each .gz or raw) in:");
        for (int i = 0; i < searched.size(); i++) s.append("\n  ").append(i + 1).append(". ").append(searched.get(i));
        s.append("\nTo fix: pass a folder holding the files (LoadOptions.folder), set ").append(ENV_DATA)
                .append(" to a folder holding them or a ").append(name).append("/ folder of them, copy them to ~/.ganglion/datasets/")
                .append(name);
        if (!advice.isEmpty()) s.append(", ").append(advice);
        s.append(", or allow the download (").append(base).append(").");
        return new DatasetUnavailableException(name, s.toString(), cause);
    }
}
