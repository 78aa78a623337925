package jp.sitesign.server.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.crypto.CertificatePem;
import jp.sitesign.model.integration.WebhookEvent;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.contracts.ContractEvents;
import jp.sitesign.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks of integration applications. The admin registers an HTTPS URL and the events wanted and receives the
 * signing secret once. Each workflow step writes a delivery row for every subscribed application of every
 * company the contract has reached, in the step's own transaction ({@link ContractEvents}); the delivery job
 * then POSTs them, never on a request thread, with {@code X-SiteSign-Timestamp} and {@code X-SiteSign-Signature:
 * sha256=HMAC-SHA256(secret, timestamp + "." + body)}, retrying with doubling backoff (30 s … 1 h) until 24 hours
 * after the event. A receiver answering 2xx has it.
 */
public final class Webhooks implements ContractEvents {
    public static final String TRUST_ANCHORS = "webhooks.trust-anchors";
    public static final String SIGNATURE_HEADER = "X-SiteSign-Signature";
    public static final String TIMESTAMP_HEADER = "X-SiteSign-Timestamp";
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

    private final Database db;
    private final WebhookRepository webhooks;
    private final IntegrationRepository applications;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    public Webhooks(Database db, WebhookRepository webhooks, IntegrationRepository applications, Guard guard,
            AuditLog audit, Clock clock, ServerConfig config) {
        this.db = db;
        this.webhooks = webhooks;
        this.applications = applications;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(sslContext(config.get(TRUST_ANCHORS)))
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What the admin registers. */
    public record Registration(String url, List<String> events) {
    }

    /** The registered webhook with its new secret, shown once. */
    public record Registered(String url, Set<WebhookEvent> events, String secret) {
    }

    /** Registers (or replaces) the application's webhook; the secret is new each time. */
    public Registered register(Caller caller, String applicationId, Registration r) {
        CompanyId own = ownApplication(caller, applicationId);
        guard.requireForChange(caller, Action.APPLY_FOR_API_USE, new CompanyResource(own), applicationId);
        URI url = httpsUrl(r == null ? null : r.url());
        Set<WebhookEvent> events = events(r.events());
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretText = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        db.inTransaction(c -> {
            webhooks.put(c, own, applicationId, url.toString(), events,
                    secretText.getBytes(StandardCharsets.US_ASCII), caller.getName(), clock.instant());
            audit.append(c, new AuditLog.Entry(caller.getName(), caller.companyId(), AuditAction.API_WEBHOOK_REGISTERED,
                    applicationId, AuditOutcome.SUCCESS, caller.clientIp(), "host=" + url.getHost() + " events="
                            + String.join(",", events.stream().map(WebhookEvent::wireName).toList())));
            return null;
        });
        return new Registered(url.toString(), events, secretText);
    }

    /** The application's deliveries, newest first (the admin's delivery log). */
    public List<WebhookRepository.Delivery> deliveries(Caller caller, String applicationId, int limit) {
        CompanyId own = ownApplication(caller, applicationId);
        guard.require(caller, Action.APPLY_FOR_API_USE, new CompanyResource(own));
        return db.read(c -> webhooks.log(c, applicationId, limit));
    }

    private CompanyId ownApplication(Caller caller, String applicationId) {
        CompanyId own = caller.user().companyId();
        guard.require(caller, Action.APPLY_FOR_API_USE, new CompanyResource(own));
        db.read(c -> applications.find(c, applicationId)).filter(a -> a.companyId().equals(own.value()))
                .orElseThrow(IntegrationMessage.APPLICATION_NOT_FOUND::exception);
        return own;
    }

    @Override
    public void stepped(Connection c, String contractId, LifecycleCommand command, ContractProgress before,
            ContractProgress after) throws SQLException {
        List<WebhookEvent> raised = WebhookEvent.raisedBy(command, before, after);
        if (raised.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (WebhookRepository.Webhook w : webhooks.ofCompanies(c, after.reached())) {
            for (WebhookEvent event : raised) {
                if (w.events().contains(event)) {
                    webhooks.enqueue(c, w, event, contractId, payload(event, contractId, after, now), now);
                }
            }
        }
    }

    private String payload(WebhookEvent event, String contractId, ContractProgress after, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.wireName());
        body.put("contractId", contractId);
        body.put("status", after.status().name());
        body.put("occurredAt", at.toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The delivery job: sends what is due, one attempt each. Returns how many were delivered. */
    public int deliverDue() {
        Instant now = clock.instant();
        int delivered = 0;
        for (WebhookRepository.Delivery d : db.read(c -> webhooks.due(c, now, BATCH))) {
            if (!db.inTransaction(c -> webhooks.claim(c, d, now.plus(LEASE)))) {
                continue;
            }
            if (attempt(d)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean attempt(WebhookRepository.Delivery d) {
        WebhookRepository.Webhook w = db.read(c -> webhooks.find(c, d.applicationId())).orElse(null);
        Integer code = null;
        String error;
        if (w == null) {
            error = "webhook no longer registered";
        } else {
            try {
                String timestamp = Long.toString(clock.instant().getEpochSecond());
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(w.url()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .header("User-Agent", "SiteSign-Webhooks/1")
                        .header("X-SiteSign-Event", d.event().wireName())
                        .header("X-SiteSign-Delivery", Long.toString(d.id()))
                        .header(TIMESTAMP_HEADER, timestamp)
                        .header(SIGNATURE_HEADER, "sha256=" + sign(w.secret(), timestamp, d.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
                code = answer.statusCode();
                error = code >= 200 && code < 300 ? null : "HTTP " + code;
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        record(d, code, error);
        return error == null;
    }

    private void record(WebhookRepository.Delivery d, Integer code, String error) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        Instant next = now.plus(backoff(attempts));
        String status = error == null ? "DELIVERED"
                : next.isAfter(d.createdAt().plus(GIVE_UP_AFTER)) ? "FAILED" : "PENDING";
        if (error != null) {
            LOG.info("webhook delivery {} of application {} failed (attempt {}, {}): {}", d.id(), d.applicationId(),
                    attempts, status, error);
        }
        db.inTransaction(c -> {
            webhooks.recordAttempt(c, d.id(), status, attempts, next, code, error, error == null ? now : null);
            return null;
        });
    }

    /** 30 s after the first failure, doubling up to an hour. */
    static Duration backoff(int failedAttempts) {
        long factor = 1L << Math.min(failedAttempts - 1, 20);
        Duration wait = FIRST_RETRY.multipliedBy(factor);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** Hex HMAC-SHA256 over {@code timestamp + "." + body}: what a receiver recomputes to check a delivery. */
    public static String sign(byte[] secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI httpsUrl(String text) {
        URI url = null;
        try {
            url = text == null ? null : new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        if (url == null || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null
                || url.getUserInfo() != null || text.length() > 2000) {
            throw IntegrationMessage.WEBHOOK_URL_NOT_HTTPS.exception();
        }
        return url;
    }

    private static Set<WebhookEvent> events(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw IntegrationMessage.EVENTS_REQUIRED.exception();
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String n : names) {
            events.add(WebhookEvent.fromWire(n).orElseThrow(() -> IntegrationMessage.UNKNOWN_EVENT.exception(n)));
        }
        return events;
    }

    /** The CAs webhook receivers' certificates must chain to: the files named, or the JDK's defaults. */
    private static SSLContext sslContext(String anchors) {
        try {
            if (anchors == null || anchors.isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int n = 0;
            for (String path : anchors.split(",")) {
                if (!path.isBlank()) {
                    for (X509Certificate cert : CertificatePem.decode(Files.readAllBytes(Path.of(path.strip())))) {
                        trust.setCertificateEntry("anchor" + n++, cert);
                    }
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("setting " + TRUST_ANCHORS + " cannot be read: " + e.getMessage(), e);
        }
    }
}
