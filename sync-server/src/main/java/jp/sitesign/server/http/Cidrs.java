package jp.sitesign.server.http;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.model.integration.AllowedAddresses;

/**
 * A list of IPv4 and IPv6 address blocks in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}; a bare
 * address is a block of one), parsed by the IPAddress library rather than by hand. An IPv4-mapped IPv6 client
 * address ({@code ::ffff:192.0.2.1}) matches the IPv4 block it stands for.
 */
public final class Cidrs {
    private final List<IPAddress> blocks;
    private final List<String> texts;

    private Cidrs(List<IPAddress> blocks, List<String> texts) {
        this.blocks = List.copyOf(blocks);
        this.texts = List.copyOf(texts);
    }

    public static Cidrs none() {
        return new Cidrs(List.of(), List.of());
    }

    /**
     * Parses the blocks, or throws INVALID_FIELD naming {@code field} and the first one that is not a block.
     * Each is kept in its normalized form ({@code 10.1.2.3/8} becomes {@code 10.0.0.0/8}).
     */
    public static Cidrs parse(String field, List<String> entries) {
        List<IPAddress> blocks = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String entry : entries) {
            IPAddress block = AllowedAddresses.block(field, entry);
            blocks.add(block);
            texts.add(block.toCanonicalString());
        }
        return new Cidrs(blocks, texts);
    }

    /** Parses a comma-separated setting such as {@code http.trusted-proxies}. */
    public static Cidrs parseSetting(String key, String value) {
        List<String> entries = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                entries.add(part.strip());
            }
        }
        return parse(key, entries);
    }

    /** Whether {@code address} (a literal IPv4 or IPv6 address) lies in one of the blocks; false when it is none. */
    public boolean contains(String address) {
        IPAddress a = address(address);
        if (a == null) {
            return false;
        }
        for (IPAddress block : blocks) {
            if (block.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The address in its canonical form, or null when {@code text} is not a literal IP address. */
    static IPAddress address(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        IPAddress a = new IPAddressString(text.strip()).getAddress();
        if (a == null || a.isPrefixed() || a.isMultiple()) {
            return null;
        }
        if (a.isIPv6() && a.toIPv6().isIPv4Mapped()) {
            return a.toIPv6().getEmbeddedIPv4Address();
        }
        return a;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** The blocks in canonical form, as stored and shown. */
    public List<String> texts() {
        return texts;
    }
}
