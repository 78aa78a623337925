package jp.sitesign.server.auth;

/**
 * What {@link AuthFilter} needs from the integration API to accept an API key (issue 13). The integration
 * feature implements it; the filter only knows this interface, so auth, which every feature uses, does not
 * depend on one of them.
 */
public interface ApiKeyAuthenticator {
    /** Whether the credential has the shape of an API key ({@code ssk_…}) rather than a session token. */
    boolean isApiKey(String credential);

    /** The application the key belongs to, or a {@code SiteSignException} when the key or address is refused. */
    Caller authenticate(String key, String clientIp);
}
