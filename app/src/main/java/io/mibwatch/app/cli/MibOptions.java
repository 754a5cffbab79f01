package io.mibwatch.app.cli;

import io.mibwatch.catalog.compiled.CatalogFile;
import io.mibwatch.catalog.mib.MibLoader;
import io.mibwatch.catalog.mib.MibSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where MIBs come from: directories of MIB text ({@code --mib-dir}, repeatable) or a compiled catalog. */
final class MibOptions {

    /** net-snmp's Debian MIB directory and the appliance's own; missing ones are skipped. */
    static final List<Path> DEFAULT_DIRS = List.of(Path.of("/usr/share/snmp/mibs"), Path.of("/etc/mibwatch/mibs"));

    @Option(names = "--mib-dir", paramLabel = "DIR",
            description = "Directory of MIB files (repeatable; every file in it is loaded).")
    List<Path> mibDirs;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Compiled MIB catalog (from 'mibwatch mib compile') instead of MIB directories.")
    Path catalog;

    /** Whether the user asked for MIBs at all (get/walk stay numeric otherwise). */
    boolean given() {
        return catalog != null || (mibDirs != null && !mibDirs.isEmpty());
    }

    List<Path> dirs() {
        return mibDirs == null || mibDirs.isEmpty() ? DEFAULT_DIRS : mibDirs;
    }

    MibSet load() {
        if (catalog != null) {
            if (mibDirs != null && !mibDirs.isEmpty()) {
                throw new CliFailure("give either --catalog or --mib-dir, not both", ExitCodes.USAGE);
            }
            try {
                return CatalogFile.read(catalog);
            } catch (IOException e) {
                throw new CliFailure(e.getMessage());
            }
        }
        return MibLoader.load(dirs());
    }
}
