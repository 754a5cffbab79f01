package io.mibwatch.app.cli;

import io.mibwatch.catalog.mib.Translator;
import io.mibwatch.poller.snmp.AgentTarget;
import java.util.List;
import java.util.concurrent.Callable;
import org.snmp4j.smi.OID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mibwatch get}: one GET request, like snmpget. */
@Command(name = "get", description = "Read the given OIDs from an agent (SNMP GET).")
final class GetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SnmpOptions snmp;
    @Option(names = "--json", description = "One JSON object per varbind per line.")
    boolean json;
    @Parameters(index = "0", paramLabel = "HOST[:PORT]")
    String target;
    @Mixin
    MibOptions mibOptions;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "OID",
            description = "Dotted OID; with --mib-dir/--catalog also a name like IF-MIB::ifDescr.1 or sysUpTime.0")
    List<String> oids;

    @Override
    public Integer call() {
        AgentTarget t = snmp.target(target);
        MibValues mibs = mibOptions.given() ? new MibValues(new Translator(mibOptions.load().tree())) : null;
        List<OID> list = oids.stream().map(o -> mibs != null ? mibs.oid(o) : SnmpCalls.oid(o)).toList();
        SnmpCalls.print(spec.commandLine().getOut(), SnmpCalls.call(c -> c.get(t, list)), json, mibs);
        return ExitCodes.OK;
    }
}
