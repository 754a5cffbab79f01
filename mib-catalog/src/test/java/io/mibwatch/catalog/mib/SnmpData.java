package io.mibwatch.catalog.mib;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test data (../shared/snmpdata) by walking up from the working directory. */
final class SnmpData {

    private SnmpData() {
    }

    static Path mibDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            for (Path c : new Path[] {p.resolve("shared/snmpdata/mibs"), p.resolve("../shared/snmpdata/mibs")}) {
                if (Files.isDirectory(c)) {
                    return c.normalize();
                }
            }
        }
        throw new IllegalStateException("no shared/snmpdata/mibs above " + dir);
    }
}
