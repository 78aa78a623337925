package jp.sitesign.model.integration;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;

/**
 * The client addresses an integration application's key may call from: 1 to {@value #MAX} IPv4 or IPv6 blocks in
 * CIDR notation (a bare address is a block of one), parsed by the IPAddress library. Decided here so the desktop
 * form refuses what the server would, with the same words, before anything is sent.
 */
public final class AllowedAddresses {
    /** At most this many blocks per application. */
    public static final int MAX = 50;
    /** The request field they travel in. */
    public static final String FIELD = "allowedAddresses";

    private AllowedAddresses() {
    }

    /**
     * The blocks in canonical form ({@code 10.1.2.3/8} becomes {@code 10.0.0.0/8}), or INVALID_FIELD in Japanese and
     * English naming the first entry that is not a block, or saying how many are allowed.
     */
    public static List<String> canonical(List<String> entries) {
        if (entries == null || entries.isEmpty() || entries.size() > MAX) {
            throw AllowedAddressMessage.ADDRESS_COUNT.exception(FIELD, MAX);
        }
        List<String> out = new ArrayList<>();
        for (String entry : entries) {
            out.add(block(FIELD, entry).toCanonicalString());
        }
        return out;
    }

    /** One block, or INVALID_FIELD naming {@code field} and the entry (also for settings such as trusted proxies). */
    public static IPAddress block(String field, String entry) {
        try {
            IPAddress parsed = entry == null ? null : new IPAddressString(entry.strip()).toAddress();
            if (parsed != null) {
                return parsed.isPrefixed() ? parsed.toPrefixBlock() : parsed;
            }
        } catch (AddressStringException e) {
            // reported below, with the field
        }
        throw AllowedAddressMessage.NOT_AN_ADDRESS_BLOCK.exception(field, entry);
    }
}
