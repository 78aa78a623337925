package jp.sitesign.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.server.http.RequestLog;

/**
 * The server's metrics (Micrometer, exposed in Prometheus' text format at {@code /metrics}): requests and
 * latency by route, the database pool (HikariCP's own tracker), background job runs and failures, logins
 * and failures, sync commands by type and outcome, the change feed's head, the changes delivered and the feed's lag, and
 * the JVM. One registry per server process; nothing here is shared between processes — Prometheus sums.
 */
public final class Metrics {
    private static final String LOGIN_ROUTE = "/api/v1/auth/login";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** A finished request: its route's timer, and the login counters for the login route. */
    public void request(RequestLog.Finished done) {
        Timer.builder("sitesign.http.requests").description("HTTP requests by route, method and status")
                .tags("method", done.method(), "route", done.route(), "status", Integer.toString(done.status()))
                .publishPercentileHistogram(false)
                .register(registry).record(Duration.ofNanos(done.nanos()));
        if (LOGIN_ROUTE.equals(done.route()) && "POST".equals(done.method())) {
            String outcome = done.status() == 200 ? "success" : done.status() < 500 ? "failure" : "error";
            Counter.builder("sitesign.logins").description("Login attempts by outcome").tag("outcome", outcome)
                    .register(registry).increment();
        }
    }

    /** One run of a background job. */
    public void jobRun(String job, boolean failed, long nanos) {
        Timer.builder("sitesign.jobs.runs").description("Background job runs by job and outcome")
                .tags("job", job, "outcome", failed ? "failure" : "success").register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** The results of one push: each command by type and outcome. */
    public void syncCommands(List<jp.sitesign.model.sync.Command> commands, List<CommandResult> results) {
        for (int i = 0; i < results.size(); i++) {
            Counter.builder("sitesign.sync.commands").description("Sync commands pushed, by type and outcome")
                    .tags("type", String.valueOf(commands.get(i).type()), "outcome",
                            String.valueOf(results.get(i).outcome()))
                    .register(registry).increment();
        }
    }

    /**
     * A page of the change feed served: how many changes it carried, whether the client is still behind, and how
     * long the page's oldest change had waited for this client (null for an empty page): the feed's lag, whose
     * percentiles say how late desktop apps hear of a change (their sync interval, plus any backlog).
     */
    public void feedPage(int changes, boolean more, Duration lag) {
        if (lag != null) {
            Timer.builder("sitesign.sync.feed.lag")
                    .description("How long the oldest change of a served feed page waited for the client")
                    .publishPercentiles(0.5, 0.99).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
        }
        Counter.builder("sitesign.sync.changes.delivered").description("Changes delivered to clients")
                .register(registry).increment(changes);
        if (more) {
            Counter.builder("sitesign.sync.pages.behind")
                    .description("Feed pages after which the client was still behind the feed's head")
                    .register(registry).increment();
        }
    }

    /** A value read when scraped (the feed's head sequence number). */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
