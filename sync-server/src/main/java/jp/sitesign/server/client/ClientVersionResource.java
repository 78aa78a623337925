package jp.sitesign.server.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.sitesign.model.client.ClientVersions;
import jp.sitesign.server.auth.Public;
import jp.sitesign.server.config.ServerConfig;

/**
 * Which desktop app versions this server supports ({@code client.min-version}) and which is the newest
 * ({@code client.latest-version}), and where to get it ({@code client.download-url}). Public: the app asks right
 * after logging in, and an app too old for the current API must still be able to ask (ADR 20).
 */
@Path("/api/v1/client-version")
@Produces(MediaType.APPLICATION_JSON)
public final class ClientVersionResource {
    private final ClientVersions versions;

    public ClientVersionResource(ClientVersions versions) {
        this.versions = versions;
    }

    /** From the server's configuration; a value that is not a version stops the server at start, naming it. */
    public static ClientVersionResource of(ServerConfig config) {
        try {
            return new ClientVersionResource(new ClientVersions(config.get("client.min-version"),
                    config.get("client.latest-version"), config.get("client.download-url")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("client.min-version / client.latest-version: " + e.getMessage(), e);
        }
    }

    @GET
    @Public
    public ClientVersions get() {
        return versions;
    }
}
