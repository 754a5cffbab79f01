package io.mibwatch.app.cli;

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
    @Parameters(index = "1", arity = "0..1", paramLabel = "ROOT", description = "Root OID (default: whole tree)")
    String root;

    @Override
    public Integer call() {
        AgentTarget t = snmp.target(target);
        // No root = the whole tree: the empty OID is a prefix of every OID.
        OID r = root == null ? new OID() : SnmpCalls.oid(root);
        SnmpCalls.print(spec.commandLine().getOut(), SnmpCalls.call(c -> c.walk(t, r)), json);
        return ExitCodes.OK;
    }
}
