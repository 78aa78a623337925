package jp.sitesign.server.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.integration.WebhookEvent;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Jdbc;

/** Webhooks ({@code api_webhooks}) and their outbox and delivery log ({@code api_webhook_deliveries}). */
public final class WebhookRepository {
    private final ContentCipher cipher;

    public WebhookRepository(ContentCipher cipher) {
        this.cipher = cipher;
    }

    /** An application's webhook, its secret opened. */
    record Webhook(String applicationId, String companyId, String url, Set<WebhookEvent> events, byte[] secret) {
    }

    /** One delivery as the log shows it. */
    public record Delivery(long id, String applicationId, WebhookEvent event, String contractId, String payload,
            Instant createdAt, String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode,
            String lastError, Instant deliveredAt) {
    }

    void put(Connection c, CompanyId company, String applicationId, String url, Set<WebhookEvent> events,
            byte[] secret, String by, Instant at) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM api_webhooks WHERE application_id = ?")) {
            del.setString(1, applicationId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_webhooks (application_id, url, events, secret,"
                + " registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, applicationId);
            ps.setString(2, url);
            ps.setString(3, events.stream().map(WebhookEvent::wireName).collect(Collectors.joining(" ")));
            ps.setBytes(4, cipher.sealBytes(c, company, place(applicationId), secret));
            ps.setString(5, by);
            Jdbc.setInstant(ps, 6, at);
            ps.executeUpdate();
        }
    }

    /** The webhooks of approved applications of these companies. */
    List<Webhook> ofCompanies(Connection c, Set<CompanyId> companies) throws SQLException {
        List<Webhook> out = new ArrayList<>();
        for (CompanyId company : companies) {
            try (PreparedStatement ps = c.prepareStatement("SELECT w.* FROM api_webhooks w JOIN api_applications a"
                    + " ON a.id = w.application_id WHERE a.company_id = ? AND a.status = 'APPROVED'")) {
                ps.setString(1, company.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(c, company, rs));
                    }
                }
            }
        }
        return out;
    }

    Optional<Webhook> find(Connection c, String applicationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT w.*, a.company_id FROM api_webhooks w"
                + " JOIN api_applications a ON a.id = w.application_id WHERE w.application_id = ?")) {
            ps.setString(1, applicationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(c, new CompanyId(rs.getString("company_id")), rs))
                        : Optional.empty();
            }
        }
    }

    private Webhook read(Connection c, CompanyId company, ResultSet rs) throws SQLException {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String w : rs.getString("events").split(" ")) {
            WebhookEvent.fromWire(w).ifPresent(events::add);
        }
        String app = rs.getString("application_id");
        return new Webhook(app, company.value(), rs.getString("url"), events,
                cipher.openBytes(c, company, place(app), rs.getBytes("secret")));
    }

    void enqueue(Connection c, Webhook w, WebhookEvent event, String contractId, String payload, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_webhook_deliveries (application_id,"
                + " company_id, event, contract_id, payload, created_at, status, attempts, next_attempt_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)")) {
            ps.setString(1, w.applicationId());
            ps.setString(2, w.companyId());
            ps.setString(3, event.wireName());
            ps.setString(4, contractId);
            ps.setString(5, payload);
            Jdbc.setInstant(ps, 6, at);
            Jdbc.setInstant(ps, 7, at);
            ps.executeUpdate();
        }
    }

    /** Pending deliveries due at {@code now}, oldest first. */
    List<Delivery> due(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM api_webhook_deliveries WHERE status = 'PENDING'"
                + " AND next_attempt_at <= ? ORDER BY next_attempt_at, id")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setMaxRows(limit);
            return deliveries(ps);
        }
    }

    /**
     * Takes a due delivery for this process by moving its next attempt to {@code leaseUntil}; false when another
     * server took it first. A process that dies holding it leaves it due again when the lease ends.
     */
    boolean claim(Connection c, Delivery d, Instant leaseUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_webhook_deliveries SET next_attempt_at = ?"
                + " WHERE id = ? AND status = 'PENDING' AND next_attempt_at = ?")) {
            Jdbc.setInstant(ps, 1, leaseUntil);
            ps.setLong(2, d.id());
            Jdbc.setInstant(ps, 3, d.nextAttemptAt());
            return ps.executeUpdate() == 1;
        }
    }

    void recordAttempt(Connection c, long id, String status, int attempts, Instant next, Integer code, String error,
            Instant deliveredAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_webhook_deliveries SET status = ?, attempts = ?,"
                + " next_attempt_at = ?, last_status_code = ?, last_error = ?, delivered_at = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setInt(2, attempts);
            Jdbc.setInstant(ps, 3, next);
            if (code == null) {
                ps.setNull(4, java.sql.Types.INTEGER);
            } else {
                ps.setInt(4, code);
            }
            ps.setString(5, error == null ? null : error.length() > 400 ? error.substring(0, 400) : error);
            Jdbc.setInstant(ps, 6, deliveredAt);
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    /** An application's deliveries, newest first. */
    List<Delivery> log(Connection c, String applicationId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM api_webhook_deliveries WHERE application_id = ?"
                + " ORDER BY id DESC")) {
            ps.setString(1, applicationId);
            ps.setMaxRows(limit);
            return deliveries(ps);
        }
    }

    private static List<Delivery> deliveries(PreparedStatement ps) throws SQLException {
        List<Delivery> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int code = rs.getInt("last_status_code");
                Integer lastCode = rs.wasNull() ? null : code;
                out.add(new Delivery(rs.getLong("id"), rs.getString("application_id"),
                        WebhookEvent.parse(rs.getString("event")), rs.getString("contract_id"), rs.getString("payload"),
                        Jdbc.getInstant(rs, "created_at"), rs.getString("status"), rs.getInt("attempts"),
                        Jdbc.getInstant(rs, "next_attempt_at"), lastCode, rs.getString("last_error"),
                        Jdbc.getInstant(rs, "delivered_at")));
            }
        }
        return out;
    }

    private static String place(String applicationId) {
        return "api_webhooks.secret|" + applicationId;
    }
}
