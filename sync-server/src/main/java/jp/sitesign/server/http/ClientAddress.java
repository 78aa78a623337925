package jp.sitesign.server.http;

import inet.ipaddr.IPAddress;
import jp.sitesign.server.config.ServerConfig;

/**
 * The client address of a request, for the audit log, the login throttle and the integration API's
 * allow-lists: the socket's peer, unless the peer is one of the trusted proxies ({@code http.trusted-proxies});
 * then the {@code X-Forwarded-For} entries are read from the right, each trusted hop passing to the one before
 * it, and the first address not itself a trusted proxy is the client. Without trusted proxies the header is
 * ignored, so nobody can claim an address by sending it.
 */
public final class ClientAddress {
    /** The request property under which the resolved address travels to resources, filters and logs. */
    public static final String REQUEST_PROPERTY = "sitesign.clientIp";
    public static final String TRUSTED_PROXIES = "http.trusted-proxies";

    private final Cidrs trustedProxies;

    public ClientAddress(Cidrs trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public static ClientAddress from(ServerConfig config) {
        return new ClientAddress(Cidrs.parseSetting(TRUSTED_PROXIES, config.get(TRUSTED_PROXIES)));
    }

    /**
     * The client's address.
     *
     * @param peer          the socket's remote address
     * @param forwardedFor  every {@code X-Forwarded-For} value of the request joined by commas, or null
     * @return the client address; a hop that is not an IP address ends the walk at the proxy that sent it
     */
    public String resolve(String peer, String forwardedFor) {
        String current = canonical(peer);
        if (trustedProxies.isEmpty() || forwardedFor == null || forwardedFor.isBlank()) {
            return current;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0 && trustedProxies.contains(current); i--) {
            IPAddress hop = Cidrs.address(hops[i]);
            if (hop == null) {
                return current;
            }
            current = hop.toCanonicalString();
        }
        return current;
    }

    private static String canonical(String address) {
        IPAddress a = Cidrs.address(address);
        return a == null ? address : a.toCanonicalString();
    }
}
