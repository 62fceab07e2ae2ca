package io.funnelql.engine;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * zonky's PostgreSQL binaries (the Maven artifact on the class path), unpacked once per archive
 * content under the temp directory and readable by every user, so they can run as "nobody".
 */
final class PostgresBinaries {
    private PostgresBinaries() {}

    /** The directory holding bin/, lib/ and share/. */
    static synchronized Path unpacked() throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", System.getProperty("os.arch"))) {
            archive = in.readAllBytes();
        }
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = temp.resolve("funnelql-postgres-bin-" + digest(archive));
        if (Files.isRegularFile(target.resolve(".complete"))) {
            return target;
        }
        // Unpacked aside and moved into place whole, so a concurrent JVM never sees half of it.
        Path staging = Files.createTempDirectory(temp, "funnelql-postgres-unpack-");
        try {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            unpack(archive, staging);
            Files.createFile(staging.resolve(".complete"));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWon) {
            Processes.deleteRecursively(staging);
        } catch (IOException | RuntimeException e) {
            Processes.deleteRecursively(staging);
            throw e;
        }
        return target;
    }

    private static void unpack(byte[] archive, Path directory) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = directory.resolve(entry.getName()).normalize();
                if (!path.startsWith(directory)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                Files.createDirectories(entry.isDirectory() ? path : path.getParent());
                if (entry.isDirectory()) {
                    Files.setPosixFilePermissions(path, permissions(entry.getMode() | 0755));
                } else if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, directory.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode() | 0444));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, 0400 .. 0001
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
