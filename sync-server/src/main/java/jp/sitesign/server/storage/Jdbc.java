package jp.sitesign.server.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** Small JDBC conversions shared by the repositories: instants are always written in UTC. */
public final class Jdbc {
    private Jdbc() {
    }

    public static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    /**
     * An unused random id: ids are random so they cannot be enumerated, and a collision, rare with
     * 10^8 values, is simply drawn again.
     */
    public static <T> T freshId(Supplier<T> random, SqlPredicate<T> taken) throws SQLException {
        for (int i = 0; i < 100; i++) {
            T id = random.get();
            if (!taken.test(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free id after 100 attempts");
    }

    /** A test that may touch the database. */
    @FunctionalInterface
    public interface SqlPredicate<T> {
        boolean test(T value) throws SQLException;
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
