package io.mibwatch.poller.snmp;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.SnmpVersion;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.ScopedPDU;
import org.snmp4j.smi.OctetString;

/** The empty request PDU of an agent's SNMP version: v1, v2c, or v3 scoped with the user's context. */
final class RequestPdu {

    private RequestPdu() {
    }

    /** A PDU of {@code type} (e.g. {@link PDU#GET}, {@link PDU#GETBULK}) for {@code t}, without varbinds. */
    static PDU of(AgentTarget t, int type) {
        PDU pdu;
        if (t.version() == SnmpVersion.V3) {
            ScopedPDU scoped = new ScopedPDU();
            scoped.setContextName(new OctetString(((Credentials.Usm) t.credentials()).context()));
            pdu = scoped;
        } else if (t.version() == SnmpVersion.V1) {
            pdu = new PDUv1();
        } else {
            pdu = new PDU();
        }
        pdu.setType(type);
        return pdu;
    }
}
