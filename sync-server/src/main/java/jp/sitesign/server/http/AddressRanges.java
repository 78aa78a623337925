package jp.sitesign.server.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of address ranges in CIDR notation ({@code 127.0.0.1/32, 10.0.0.0/8, ::1/128}); a bare address is
 * a range of one. Only literal addresses are accepted: a host name would make a DNS lookup part of the check.
 */
public final class AddressRanges {
    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int shift = address.length * 8 - bits;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Parses a comma-separated list; {@code setting} names it in the error. */
    public static AddressRanges parse(String setting, String value) {
        List<Range> ranges = new ArrayList<>();
        for (String part : value.split(",")) {
            String cidr = part.strip();
            if (cidr.isEmpty()) {
                continue;
            }
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] network = literal(setting, host);
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(cidr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("setting " + setting + ": '" + cidr + "' has no valid prefix length");
            }
            ranges.add(new Range(network, bits));
        }
        return new AddressRanges(List.copyOf(ranges));
    }

    private static byte[] literal(String setting, String host) {
        boolean literal = host.matches("[0-9.]+") || host.contains(":");
        if (!literal) {
            throw new IllegalArgumentException("setting " + setting + ": '" + host + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("setting " + setting + ": '" + host + "' is not an IP address", e);
        }
    }

    /** Whether the (literal) address lies in one of the ranges; false for null or anything unparsable. */
    public boolean contains(String address) {
        if (address == null || !(address.matches("[0-9.]+") || address.contains(":"))) {
            return false;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return ranges.stream().anyMatch(r -> r.contains(bytes));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
