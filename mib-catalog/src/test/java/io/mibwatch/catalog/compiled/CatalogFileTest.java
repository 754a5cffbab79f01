package io.mibwatch.catalog.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.mib.MibLoader;
import io.mibwatch.catalog.mib.MibSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled catalog of all 239 shared MIBs reads back equal to what was loaded. */
class CatalogFileTest {

    private static MibSet loaded;

    @BeforeAll
    static void load() {
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        loaded = MibLoader.load(List.of(mibDir()));
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        rt.gc();
        System.out.printf("loaded %d modules / %d nodes from MIB text in %d ms; heap in use %.1f MB%n",
                loaded.modules().size(), loaded.tree().size(), loadMs, (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }

    @Test
    void roundTripIsEqual(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mibs.catalog");
        long t0 = System.nanoTime();
        CatalogFile.write(loaded, file);
        long writeMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        MibSet read = CatalogFile.read(file);
        long readMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("compiled catalog: %d bytes, written in %d ms, read back in %d ms%n",
                Files.size(file), writeMs, readMs);
        assertEquals(loaded.modules(), read.modules());
        assertEquals(loaded.problems(), read.problems());
        assertEquals(loaded.tree().nodes(), read.tree().nodes());
        assertEquals(loaded.tree().find("IF-MIB::ifHCInOctets"), read.tree().find("IF-MIB::ifHCInOctets"));
    }

    @Test
    void otherFilesAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("IF-MIB");
        Files.writeString(text, "IF-MIB DEFINITIONS ::= BEGIN END");
        IOException e = assertThrows(IOException.class, () -> CatalogFile.read(text));
        assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("not a mibwatch MIB catalog"),
                e.getMessage());
    }

    @Test
    void otherVersionIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("v9.catalog");
        Files.writeString(file, "MIBWCAT9...");
        IOException e = assertThrows(IOException.class, () -> CatalogFile.read(file));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void truncatedCatalogIsAnIOException(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("full.catalog");
        CatalogFile.write(loaded, file);
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.catalog");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        IOException e = assertThrows(IOException.class, () -> CatalogFile.read(cut));
        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    }

    static Path mibDir() {
        Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = d; p != null; p = p.getParent()) {
            for (Path c : new Path[] {p.resolve("shared/snmpdata/mibs"), p.resolve("../shared/snmpdata/mibs")}) {
                if (Files.isDirectory(c)) {
                    return c.normalize();
                }
            }
        }
        throw new IllegalStateException("no shared/snmpdata/mibs above " + d);
    }
}
