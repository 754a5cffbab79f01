package io.mibwatch.app.cli;

import picocli.CommandLine;

/** Version from the jar manifest (Implementation-Version), "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = MibwatchCommand.class.getPackage().getImplementationVersion();
        return new String[] {"mibwatch " + (v == null ? "dev" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
