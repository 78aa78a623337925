package jp.sitesign.server.storage;

import java.sql.SQLException;

/** A database failure; the client is told only that something went wrong on the server. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** True when the failure is a unique-key violation (SQLSTATE 23505 on both H2 and PostgreSQL). */
    public boolean isUniqueViolation() {
        return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }
}
