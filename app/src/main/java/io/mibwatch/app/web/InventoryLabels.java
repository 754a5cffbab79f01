package io.mibwatch.app.web;

import io.mibwatch.poller.discovery.Inventory;
import io.mibwatch.web.devices.DeviceDirectory.InstanceLabel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names an agent gives its instances, keyed {@code group/instance} the way the poll planner
 * names series instances: interfaces by ifIndex with ifName (else ifDescr) and ifAlias (RFC 2863),
 * storage by hrStorageIndex with hrStorageDescr (RFC 2790), catalog tables by row index with the
 * group's label column. Pure. The strings are the agent's, unescaped: the pages show them as text.
 */
final class InventoryLabels {
    private InventoryLabels() {
    }

    static Map<String, InstanceLabel> of(Inventory inv) {
        Map<String, InstanceLabel> out = new LinkedHashMap<>();
        for (Inventory.Interface i : inv.interfaces()) {
            out.put("interfaces/" + i.index(), new InstanceLabel(i.label(), i.alias()));
        }
        for (Inventory.StorageArea s : inv.storage()) {
            out.put("storage/" + s.index(), new InstanceLabel(s.descr(), ""));
        }
        for (Inventory.GroupRows t : inv.tables()) {
            for (Inventory.Row r : t.rows()) {
                if (!r.label().isEmpty()) {
                    out.put(t.group() + "/" + r.index(), new InstanceLabel(r.label(), ""));
                }
            }
        }
        return out;
    }
}
