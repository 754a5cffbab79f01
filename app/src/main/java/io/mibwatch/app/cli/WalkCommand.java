package io.mibwatch.app.cli;

import io.mibwatch.catalog.mib.Translator;
import io.mibwatch.poller.snmp.AgentTarget;
import java.util.concurrent.Callable;
import org.snmp4j.smi.OID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mibwatch walk}: the subtree under ROOT (default: the whole tree), like snmpbulkwalk. */
@Command(name = "walk", description = "Walk the subtree under ROOT (default: whole tree) with GETBULK (GETNEXT for v1 or --no-bulk).")
final class WalkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SnmpOptions snmp;
    @Option(names = "--json", description = "One JSON object per varbind per line: {\"oid\":...,\"type\":...,\"value\":...}.")
    boolean json;
    @Parameters(index = "0", paramLabel = "HOST[:PORT]")
    String target;
    @Parameters(index = "1", arity = "0..1", paramLabel = "ROOT",
            description = "Root OID (default: whole tree); with --mib-dir/--catalog also a name like IF-MIB::ifTable")
    String root;
    @Mixin
    MibOptions mibOptions;

    @Override
    public Integer call() {
        AgentTarget t = snmp.target(target);
        MibValues mibs = mibOptions.given() ? new MibValues(new Translator(mibOptions.load().tree())) : null;
        // No root = the whole tree: the empty OID is a prefix of every OID.
        OID r = root == null ? new OID() : mibs != null ? mibs.oid(root) : SnmpCalls.oid(root);
        SnmpCalls.print(spec.commandLine().getOut(), SnmpCalls.call(c -> c.walk(t, r)), json, mibs);
        return ExitCodes.OK;
    }
}
