package jp.sitesign.server.http;

import java.time.Duration;
import jp.sitesign.server.config.ServerConfig;

/**
 * How the HTTPS listener treats its clients, from the server configuration.
 *
 * @param bodyReadTimeout how long a request body may send nothing before it is answered 408
 * @param shutdownGrace   how long a stopping server lets the requests in flight finish
 */
public record HttpSettings(int maxHeaderBytes, int workerThreads, BodyLimit bodyLimit, Duration bodyReadTimeout,
        Duration shutdownGrace) {

    public static HttpSettings from(ServerConfig config) {
        return new HttpSettings(config.getInt("limits.max-header-bytes"), config.getPositiveInt("http.worker-threads"),
                new BodyLimit(config.getInt("limits.max-body-bytes"), config.getInt("limits.max-document-bytes")),
                config.seconds("limits.body-read-timeout-seconds"), config.seconds("http.shutdown-grace-seconds"));
    }
}
