package org.countersign.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's master keys, read from one text file:
 * <pre>
 * # comment lines
 * countersign-master-key v1
 * key k1 &lt;base64 of 32 bytes&gt;
 * key k2 &lt;base64 of 32 bytes&gt;
 * active k2
 * checksum &lt;hex SHA-256 of every line above, comments excluded&gt;
 * </pre>
 * Older keys stay to open values sealed under them; new values use the active key. The file is
 * created owner-only (rw-------) and atomically, and never overwritten once it exists. Immutable
 * and thread-safe once loaded; {@link #toString()} shows key ids only.
 */
public final class MasterKeyFile {

    private static final String HEADER = "countersign-master-key v1";
    private static final Pattern KEY_ID = Pattern.compile("k[0-9]{1,6}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final Map<String, SecretKey> keys;
    private final String activeId;

    private MasterKeyFile(Path file, Map<String, SecretKey> keys, String activeId) {
        this.file = file;
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.activeId = activeId;
    }

    /** @return the master key file: {@code countersign.master-key-file}, else {@code countersign-master.key} in WildFly's configuration directory */
    public static Path location() {
        String configured = System.getProperty("countersign.master-key-file");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String configDir = System.getProperty("jboss.server.config.dir");
        if (configDir == null) {
            throw new MasterKeyException("neither countersign.master-key-file nor jboss.server.config.dir is set: cannot locate the master key file");
        }
        return Path.of(configDir, "countersign-master.key");
    }

    /** Opens the file, creating it with one fresh key if it does not exist. Never overwrites an existing file. */
    public static MasterKeyFile openOrCreate(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            create(file);
        }
        return open(file);
    }

    /** Opens an existing file; refuses to create one. */
    public static MasterKeyFile open(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new MasterKeyException("master key file " + file + " does not exist");
        }
        checkPermissions(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new MasterKeyException("master key file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(file, lines);
    }

    /**
     * Adds a new key and makes it active, rewriting the file atomically. Values sealed under older keys
     * still open. Not for concurrent use with itself.
     *
     * @return the file as it now is
     */
    public MasterKeyFile rotate() {
        int next = keys.keySet().stream().mapToInt(id -> Integer.parseInt(id.substring(1))).max().orElse(0) + 1;
        Map<String, SecretKey> more = new LinkedHashMap<>(keys);
        String id = "k" + next;
        more.put(id, freshKey());
        write(file, render(more, id), true);
        return open(file);
    }

    /** @return where the keys are kept */
    public Path file() {
        return file;
    }

    /** @return the id new values are sealed under */
    public String activeKeyId() {
        return activeId;
    }

    SecretKey activeKey() {
        return keys.get(activeId);
    }

    /** @return the key with this id, or throws if it is not in the file */
    SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new SealException("value is sealed under key id " + id + ", which master key file " + file + " does not hold");
        }
        return key;
    }

    @Override
    public String toString() {
        return "MasterKeyFile[" + file + ", keys=" + keys.keySet() + ", active=" + activeId + "]";
    }

    private static void create(Path file) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put("k1", freshKey());
        write(file, render(keys, "k1"), false);
    }

    private static SecretKey freshKey() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    private static List<String> render(Map<String, SecretKey> keys, String activeId) {
        List<String> body = new ArrayList<>();
        body.add(HEADER);
        keys.forEach((id, key) -> body.add("key " + id + " " + Base64.getEncoder().encodeToString(key.getEncoded())));
        body.add("active " + activeId);
        List<String> lines = new ArrayList<>();
        lines.add("# Countersign master key. Keep it secret and back it up: without it sealed secrets cannot be opened.");
        lines.add("# Every server of one installation uses the same file. Never edit by hand.");
        lines.addAll(body);
        lines.add("checksum " + checksum(body));
        return lines;
    }

    private static void write(Path file, List<String> lines, boolean replace) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".countersign-master-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(temp, lines, StandardCharsets.US_ASCII);
            if (replace) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // a hard link never replaces an existing file: two servers starting at once cannot overwrite each other
                Files.createLink(file, temp);
                Files.delete(temp);
            }
            temp = null;
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        } catch (AtomicMoveNotSupportedException e) {
            throw new MasterKeyException("master key file " + file + " cannot be replaced atomically on this file system", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new MasterKeyException("master key file " + file + " cannot be written: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temp file holds the key; it is owner-only and named for what it is
                }
            }
        }
    }

    private static void checkPermissions(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new MasterKeyException("master key file " + file + " is readable by others ("
                        + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        } catch (IOException e) {
            throw new MasterKeyException("master key file " + file + " cannot be inspected: " + e.getMessage(), e);
        }
    }

    private static MasterKeyFile parse(Path file, List<String> all) {
        List<String> lines = all.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw damaged(file, "it does not start with '" + HEADER + "'");
        }
        String last = lines.get(lines.size() - 1);
        if (!last.startsWith("checksum ")) {
            throw damaged(file, "its checksum line is missing");
        }
        List<String> body = lines.subList(0, lines.size() - 1);
        if (!MessageDigest.isEqual(checksum(body).getBytes(StandardCharsets.US_ASCII),
                last.substring("checksum ".length()).getBytes(StandardCharsets.US_ASCII))) {
            throw damaged(file, "its checksum does not match its content");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String active = null;
        for (String line : body.subList(1, body.size())) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals("key") && KEY_ID.matcher(parts[1]).matches()) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(parts[2]);
                } catch (IllegalArgumentException e) {
                    throw damaged(file, "key " + parts[1] + " is not base64");
                }
                if (bytes.length != KEY_BYTES) {
                    throw damaged(file, "key " + parts[1] + " is " + bytes.length + " bytes, not " + KEY_BYTES);
                }
                if (keys.put(parts[1], new SecretKeySpec(bytes, "AES")) != null) {
                    throw damaged(file, "key id " + parts[1] + " appears twice");
                }
            } else if (parts.length == 2 && parts[0].equals("active")) {
                active = parts[1];
            } else {
                throw damaged(file, "it has a line it does not understand");
            }
        }
        if (active == null || !keys.containsKey(active)) {
            throw damaged(file, "it names no active key it holds");
        }
        return new MasterKeyFile(file, keys, active);
    }

    private static MasterKeyException damaged(Path file, String what) {
        return new MasterKeyException("master key file " + file + " is damaged: " + what
                + ". It was left untouched; restore it from backup.");
    }

    private static String checksum(List<String> body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : body) {
                sha.update(line.getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
