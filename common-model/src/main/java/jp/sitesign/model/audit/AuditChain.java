package jp.sitesign.model.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import jp.sitesign.model.crypto.Digests;

/**
 * The hash chain over audit events: how a link is computed and how a whole chain is checked.
 * It lives in common-model so that anyone holding an export can check it with the same code.
 */
public final class AuditChain {
    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Audit times are kept to the microsecond, the precision both H2 and PostgreSQL store. */
    public static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    /** Builds the next event of the chain, computing its hash. */
    public static AuditEvent link(String previousHash, long sequence, Instant time, String actor, String companyId,
            AuditAction action, String target, AuditOutcome outcome, String clientIp, String details) {
        AuditEvent unsealed = new AuditEvent(sequence, truncate(time), actor, companyId, action, target, outcome,
                clientIp, details, previousHash, null);
        return new AuditEvent(sequence, unsealed.time(), actor, companyId, action, target, outcome, clientIp, details,
                previousHash, hash(unsealed));
    }

    /** SHA-256 over the event's previous hash and every field, each length-prefixed so fields cannot run together. */
    public static String hash(AuditEvent e) {
        return Digests.sha256Hex(canonical("sitesign-audit-v1", e.previousHash(), Long.toString(e.sequence()),
                truncate(e.time()).toString(), e.actor(), e.companyId(), e.action().name(), e.target(),
                e.outcome().name(), e.clientIp(), e.details()));
    }

    /** The fields, each length-prefixed (null as one 0xFF byte), so no two lists encode alike. */
    static byte[] canonical(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String f : fields) {
            field(out, f);
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0xFF);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(bytes, 0, n);
    }

    /**
     * Checks events in the order of their sequence numbers against each other and against the chain
     * head recorded separately, and names the first event that is wrong.
     *
     * @param events       every event, ordered by sequence
     * @param headSequence the sequence of the last event as recorded when it was appended
     * @param headHash     that event's hash
     */
    public static Optional<Break> verify(Iterator<AuditEvent> events, long headSequence, String headHash) {
        return verify(events, AuditCheckpoint.NONE, headSequence, headHash);
    }

    /**
     * {@link #verify(Iterator, long, String)} for a log whose oldest events a retention cut removed: the first
     * event kept must be the one after the checkpoint and name the checkpoint's hash as its previous one.
     *
     * @param from where the kept chain begins ({@link AuditCheckpoint#NONE} when nothing was cut)
     */
    public static Optional<Break> verify(Iterator<AuditEvent> events, AuditCheckpoint from, long headSequence,
            String headHash) {
        String previous = from.hash();
        long expected = from.sequence() + 1;
        while (events.hasNext()) {
            AuditEvent e = events.next();
            if (e.sequence() > expected) {
                return Optional.of(new Break(expected, Kind.MISSING,
                        "event #" + expected + " is missing (deleted)"));
            }
            if (e.sequence() < expected) {
                return Optional.of(new Break(e.sequence(), Kind.OUT_OF_PLACE,
                        "event #" + e.sequence() + " appears twice or out of order (inserted)"));
            }
            if (!Objects.equals(e.previousHash(), previous)) {
                return Optional.of(e.sequence() == from.sequence() + 1 && from.sequence() > 0
                        ? new Break(e.sequence(), Kind.ALTERED, "event #" + e.sequence()
                                + " does not follow the retention checkpoint at event #" + from.sequence()
                                + " (the checkpoint or the event was altered)")
                        : new Break(e.sequence(), Kind.OUT_OF_PLACE, "event #" + e.sequence() + " does not follow event #"
                                + (e.sequence() - 1) + " (inserted or reordered)"));
            }
            if (!hash(e).equals(e.hash())) {
                return Optional.of(new Break(e.sequence(), Kind.ALTERED,
                        "event #" + e.sequence() + " was altered (its content does not match its hash)"));
            }
            previous = e.hash();
            expected++;
        }
        long last = expected - 1;
        if (last < headSequence) {
            return Optional.of(new Break(last + 1, Kind.MISSING,
                    "events from #" + (last + 1) + " to #" + headSequence + " are missing (deleted)"));
        }
        if (last > headSequence) {
            return Optional.of(new Break(headSequence + 1, Kind.OUT_OF_PLACE,
                    "event #" + (headSequence + 1) + " was added after the recorded end of the log (inserted)"));
        }
        if (last > 0 && !previous.equals(headHash)) {
            return Optional.of(new Break(last, Kind.ALTERED,
                    "event #" + last + " does not match the recorded end of the log (altered)"));
        }
        return Optional.empty();
    }

    /** What is wrong at the first broken link. */
    public enum Kind { ALTERED, MISSING, OUT_OF_PLACE }

    /** The first broken link of a chain. */
    public record Break(long sequence, Kind kind, String description) {
    }
}
