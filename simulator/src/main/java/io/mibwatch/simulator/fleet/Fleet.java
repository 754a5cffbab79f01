package io.mibwatch.simulator.fleet;

import static io.mibwatch.simulator.fleet.DeviceBuilder.ETHERNET_CSMACD;
import static io.mibwatch.simulator.fleet.DeviceBuilder.HR_STORAGE_FIXED_DISK;
import static io.mibwatch.simulator.fleet.DeviceBuilder.HR_STORAGE_RAM;
import static io.mibwatch.simulator.fleet.DeviceBuilder.HR_STORAGE_VIRTUAL_MEMORY;
import static io.mibwatch.simulator.fleet.DeviceBuilder.PROP_VIRTUAL;
import static io.mibwatch.simulator.fleet.DeviceBuilder.SOFTWARE_LOOPBACK;
import static io.mibwatch.simulator.fleet.DeviceBuilder.TUNNEL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The built-in demo fleet of 20 devices, generated the same on every call:
 * <pre>
 * core1, core2        core routers (Cisco ASR 1001-X style): 10G and 1G ports, loopback, CPU, temperatures
 * wan1                WAN router (Cisco ISR 4331 style) with IP SLA echo and udp-jitter operations
 * sw1 .. sw6          access switches (Catalyst 2960-X style), 48 or 24 ports plus 2 uplinks, some ports down
 * fw1                 firewall (FortiGate 100E style)
 * srv1 .. srv5, nas1  Linux servers (net-snmp): HOST-RESOURCES and UCD-SNMP MIBs
 * win1, win2          Windows servers: HOST-RESOURCES, 32-bit interface counters only
 * ups1, ups2          UPSes (UPS-MIB, RFC 1628)
 * </pre>
 * The sysObjectIDs are the products' registered OIDs (CISCO-PRODUCTS-MIB, FORTINET-FORTIGATE-MIB,
 * NET-SNMP-TC, Microsoft's enterprise 311); descriptions and values are made up.
 */
public final class Fleet {

    private static final long MBIT = 1_000_000L;
    private static final long GBIT = 1_000_000_000L;

    private Fleet() {
    }

    /** The 20 devices, sorted by name. */
    public static List<GeneratedDevice> builtIn() {
        List<GeneratedDevice> out = new ArrayList<>();
        out.add(coreRouter("core1"));
        out.add(coreRouter("core2"));
        out.add(wanRouter("wan1"));
        for (int n = 1; n <= 6; n++) {
            out.add(accessSwitch("sw" + n, n % 2 == 1 ? 48 : 24));
        }
        out.add(firewall("fw1"));
        for (int n = 1; n <= 5; n++) {
            out.add(linuxServer("srv" + n, false));
        }
        out.add(linuxServer("nas1", true));
        out.add(windowsServer("win1"));
        out.add(windowsServer("win2"));
        out.add(ups("ups1"));
        out.add(ups("ups2"));
        out.sort(Comparator.comparing(GeneratedDevice::name));
        return List.copyOf(out);
    }

    static GeneratedDevice coreRouter(String name) {
        DeviceBuilder b = new DeviceBuilder(name, "core-router",
                "Cisco IOS Software [Cupertino], ASR1000 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), "
                        + "Version 17.9.4a, RELEASE SOFTWARE (fc3)",
                "1.3.6.1.4.1.9.1.1861", 6); // ciscoASR1001X
        int i = 1;
        for (int p = 0; p < 4; p++, i++) {
            b.iface(i, "Te0/0/" + p, "TenGigabitEthernet0/0/" + p, p < 2 ? "uplink-isp" + (p + 1) : "core-link-" + p,
                    ETHERNET_CSMACD, 10 * GBIT, true, true);
        }
        for (int p = 0; p < 6; p++, i++) {
            b.iface(i, "Gi0/0/" + p, "GigabitEthernet0/0/" + p, p == 5 ? "spare" : "dist-" + (p + 1),
                    ETHERNET_CSMACD, GBIT, p != 5, true);
        }
        b.iface(i, "Lo0", "Loopback0", "router-id", SOFTWARE_LOOPBACK, 8 * GBIT, true, true);
        b.ciscoCpu(7);
        b.ciscoTemperature(1, "Intake Left", 24 + b.random.nextInt(4));
        b.ciscoTemperature(2, "CPU die", 45 + b.random.nextInt(8));
        return b.build();
    }

    static GeneratedDevice wanRouter(String name) {
        DeviceBuilder b = new DeviceBuilder(name, "wan-router-ipsla",
                "Cisco IOS Software [Dublin], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), "
                        + "Version 17.12.2, RELEASE SOFTWARE (fc2)",
                "1.3.6.1.4.1.9.1.2068", 6); // ciscoISR4331
        b.iface(1, "Gi0/0/0", "GigabitEthernet0/0/0", "wan-mpls", ETHERNET_CSMACD, 100 * MBIT, true, true);
        b.iface(2, "Gi0/0/1", "GigabitEthernet0/0/1", "wan-internet", ETHERNET_CSMACD, 200 * MBIT, true, true);
        b.iface(3, "Gi0/0/2", "GigabitEthernet0/0/2", "lan", ETHERNET_CSMACD, GBIT, true, true);
        b.iface(4, "Lo0", "Loopback0", "", SOFTWARE_LOOPBACK, 8 * GBIT, true, true);
        b.ciscoCpu(7);
        b.ciscoTemperature(1, "Inlet", 27);
        b.ipSla(10, "hq-dns-echo", false, 4);
        b.ipSla(20, "hq-voice-jitter", true, 18);
        b.ipSla(30, "dc2-voice-jitter", true, 32, 3); // g729a(3)
        b.ipSla(40, "internet-echo", false, 21);
        return b.build();
    }

    static GeneratedDevice accessSwitch(String name, int ports) {
        DeviceBuilder b = new DeviceBuilder(name, "access-switch",
                "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E9, RELEASE SOFTWARE (fc1)",
                ports == 48 ? "1.3.6.1.4.1.9.1.1189" : "1.3.6.1.4.1.9.1.1190", 2);
        b.iface(1, "Vl1", "Vlan1", "mgmt", PROP_VIRTUAL, GBIT, true, true);
        for (int p = 1; p <= ports; p++) {
            // about a third of access ports have nothing plugged in; a few negotiate 100 Mb/s
            boolean up = b.random.nextInt(3) != 0;
            long speed = b.random.nextInt(8) == 0 ? 100 * MBIT : GBIT;
            b.iface(10100 + p, "Gi1/0/" + p, "GigabitEthernet1/0/" + p, up ? "desk-" + p : "",
                    ETHERNET_CSMACD, speed, up, true);
        }
        for (int u = 1; u <= 2; u++) {
            b.iface(10200 + u, "Te1/0/" + u, "TenGigabitEthernet1/0/" + u, "uplink-core" + u,
                    ETHERNET_CSMACD, 10 * GBIT, true, true);
        }
        b.ciscoCpu(1);
        b.ciscoTemperature(1006, "SW#1, Sensor#1", 33 + b.random.nextInt(6));
        return b.build();
    }

    static GeneratedDevice firewall(String name) {
        DeviceBuilder b = new DeviceBuilder(name, "firewall", "FortiGate-100E", "1.3.6.1.4.1.12356.101.1.1041", 78);
        String[] ports = {"wan1", "wan2", "dmz", "internal1", "internal2", "internal3", "internal4"};
        for (int p = 0; p < ports.length; p++) {
            b.iface(p + 1, ports[p], ports[p], "", ETHERNET_CSMACD, GBIT, p != 1, true);
        }
        b.iface(8, "ssl.root", "ssl.root", "SSL VPN interface", TUNNEL, 0, true, true);
        b.fortigate(12_000 + b.random.nextInt(20_000));
        return b.build();
    }

    static GeneratedDevice linuxServer(String name, boolean nas) {
        DeviceBuilder b = new DeviceBuilder(name, nas ? "linux-nas" : "linux-server",
                "Linux " + name + " 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64",
                "1.3.6.1.4.1.8072.3.2.10", 72); // NET-SNMP-TC linux
        b.iface(1, "lo", "lo", "", SOFTWARE_LOOPBACK, 10 * MBIT, true, true);
        b.iface(2, "eth0", "eth0", "", ETHERNET_CSMACD, nas ? 10 * GBIT : GBIT, true, true);
        b.iface(3, "eth1", "eth1", "", ETHERNET_CSMACD, GBIT, nas, true);
        int cores = 2 << b.random.nextInt(3); // 2, 4 or 8
        long memKb = (8L << b.random.nextInt(4)) * 1024 * 1024;
        long swapKb = 2L * 1024 * 1024;
        b.hostResources(memKb, 196608, cores, "GenuineIntel: Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz");
        b.storage(1, HR_STORAGE_RAM, "Physical memory", 1024, memKb, memKb * (30 + b.random.nextInt(50)) / 100);
        b.storage(3, HR_STORAGE_VIRTUAL_MEMORY, "Virtual memory", 1024, memKb + swapKb, memKb / 2);
        b.storage(10, HR_STORAGE_VIRTUAL_MEMORY, "Swap space", 1024, swapKb, swapKb / 20);
        long rootBlocks = 50L * 1024 * 1024 / 4; // 50 GiB in 4 KiB units
        b.storage(31, HR_STORAGE_FIXED_DISK, "/", 4096, rootBlocks, rootBlocks * (20 + b.random.nextInt(50)) / 100);
        b.storage(32, HR_STORAGE_FIXED_DISK, "/boot", 1024, 480_000, 80_000 + b.random.nextInt(40_000));
        long dataBlocks = (nas ? 8000L : 400L) * 1024 * 1024 / 4 / 4; // in 16 KiB units, fits Integer32
        b.storage(33, HR_STORAGE_FIXED_DISK, nas ? "/srv" : "/var", 16_384, dataBlocks,
                dataBlocks * (nas ? 80 + b.random.nextInt(8) : 10 + b.random.nextInt(60)) / 100);
        b.ucd(memKb, swapKb);
        return b.build();
    }

    static GeneratedDevice windowsServer(String name) {
        DeviceBuilder b = new DeviceBuilder(name, "windows-server",
                "Hardware: Intel64 Family 6 Model 106 Stepping 6 AT/AT COMPATIBLE - Software: Windows Version 6.3 "
                        + "(Build 20348 Multiprocessor Free)",
                "1.3.6.1.4.1.311.1.1.3.1.2", 76); // Microsoft windowsNT server
        b.iface(1, "loopback_0", "Software Loopback Interface 1", "", SOFTWARE_LOOPBACK, 1073 * MBIT, true, false);
        b.iface(12, "ethernet_32768", "vmxnet3 Ethernet Adapter", "", ETHERNET_CSMACD, 10 * GBIT, true, false);
        b.iface(13, "ethernet_32769", "vmxnet3 Ethernet Adapter #2", "", ETHERNET_CSMACD, GBIT, true, false);
        int cpus = 4;
        long memKb = 16L * 1024 * 1024;
        b.hostResources(memKb, 4, cpus, "Intel64 Family 6 Model 106 Stepping 6");
        b.storage(1, HR_STORAGE_FIXED_DISK, "C:\\ Label:  Serial Number 1a2b3c4d", 4096, 26_000_000,
                9_000_000 + b.random.nextInt(8_000_000));
        b.storage(2, HR_STORAGE_FIXED_DISK, "D:\\ Label:Data  Serial Number 5e6f7a8b", 4096, 52_000_000,
                20_000_000 + b.random.nextInt(20_000_000));
        b.storage(3, HR_STORAGE_VIRTUAL_MEMORY, "Virtual Memory", 65_536, 360_000, 150_000 + b.random.nextInt(100_000));
        b.storage(4, HR_STORAGE_RAM, "Physical Memory", 65_536, 262_000, 120_000 + b.random.nextInt(100_000));
        return b.build();
    }

    static GeneratedDevice ups(String name) {
        DeviceBuilder b = new DeviceBuilder(name, "ups", "mibwatch simulated UPS, network card firmware 2.1.0",
                "1.3.6.1.2.1.33", 72); // UPS-MIB upsMIB: generic RFC 1628 agents answer their MIB root
        b.iface(1, "eth0", "eth0", "", ETHERNET_CSMACD, 100 * MBIT, true, false);
        b.ups("SimUPS 3000 RM", 25 + b.random.nextInt(30));
        return b.build();
    }
}
