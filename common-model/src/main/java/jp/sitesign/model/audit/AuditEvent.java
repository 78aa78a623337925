package jp.sitesign.model.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the append-only login and operation log (監査ログ), a link in a SHA-256 hash chain.
 *
 * @param sequence  1, 2, 3 … without gaps; the position in the chain
 * @param time      when it happened, UTC, microsecond precision
 * @param actor     the user id, {@code operator} for the service operator's CLI, or the login id that was tried
 * @param companyId the company the event belongs to, or null for service-wide events
 * @param target    what was acted on (a user id, a company id …), or null
 * @param clientIp  the remote address, or null for the CLI
 * @param details   short free text with ids and codes only (never customer content: it is stored in clear)
 * @param previousHash the {@link #hash} of the event before, hex; 64 zeros for the first
 * @param hash      SHA-256 over the previous hash and this event's canonical form, hex
 */
public record AuditEvent(
        long sequence,
        Instant time,
        String actor,
        String companyId,
        AuditAction action,
        String target,
        AuditOutcome outcome,
        String clientIp,
        String details,
        String previousHash,
        String hash) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
