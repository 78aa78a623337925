package jp.sitesign.server.notices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.notice.Notice;
import jp.sitesign.model.notice.NoticeCategory;
import jp.sitesign.model.sync.EntityType;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.storage.ChangeLog;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;

/** お知らせ: published by the operator, listed to every user newest first with their read state. */
public final class NoticeService {
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final ChangeLog changes;

    public NoticeService(Database db, AuditLog audit, Clock clock, ChangeLog changes) {
        this.changes = changes;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public Notice publish(NoticeCategory category, String title, String body) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw NoticeMessage.TITLE_LENGTH.exception();
        }
        if (body == null || body.isBlank() || body.length() > 10_000) {
            throw NoticeMessage.BODY_LENGTH.exception();
        }
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO notices (category, title, body, published_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, category.name());
                ps.setString(2, title);
                ps.setString(3, body);
                Jdbc.setInstant(ps, 4, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            changes.changed(c, EntityType.NOTICE, Long.toString(id), List.of(ChangeLog.EVERYONE));
            audit.append(c, new AuditLog.Entry("operator", null, AuditAction.NOTICE_PUBLISHED, Long.toString(id),
                    AuditOutcome.SUCCESS, null, category.name()));
            return new Notice(id, category, title, body, now);
        });
    }

    /** Every notice, newest first, with whether this user has read it. */
    public List<ForUser> list(UserId user, int offset, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT n.*, r.read_at FROM notices n"
                    + " LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ?"
                    + " ORDER BY n.published_at DESC, n.id DESC LIMIT ? OFFSET ?")) {
                ps.setString(1, user.value());
                ps.setInt(2, limit);
                ps.setInt(3, offset);
                List<ForUser> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(forUser(rs));
                    }
                }
                return out;
            }
        });
    }

    public int unreadCount(UserId user) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM notices n WHERE NOT EXISTS"
                    + " (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ?)")) {
                ps.setString(1, user.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Marks a notice read for this user; marking it again changes nothing. */
    public void markRead(UserId user, long noticeId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM notices WHERE id = ?")) {
                ps.setLong(1, noticeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SiteSignException(ErrorCode.NOT_FOUND);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice_reads (user_id, notice_id, read_at)"
                    + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM notice_reads WHERE user_id = ? AND notice_id = ?)")) {
                ps.setString(1, user.value());
                ps.setLong(2, noticeId);
                Jdbc.setInstant(ps, 3, clock.instant());
                ps.setString(4, user.value());
                ps.setLong(5, noticeId);
                if (ps.executeUpdate() > 0) {
                    changes.touched(c, EntityType.NOTICE, Long.toString(noticeId), user.value());
                }
            }
            return null;
        });
    }

    /** One notice as this user sees it, for the change feed. */
    public Optional<ForUser> find(Connection c, UserId user, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n.*, r.read_at FROM notices n"
                + " LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ? WHERE n.id = ?")) {
            ps.setString(1, user.value());
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(forUser(rs)) : Optional.empty();
            }
        }
    }

    private static ForUser forUser(ResultSet rs) throws SQLException {
        return new ForUser(new Notice(rs.getLong("id"), NoticeCategory.valueOf(rs.getString("category")),
                rs.getString("title"), rs.getString("body"), Jdbc.getInstant(rs, "published_at")),
                Jdbc.getInstant(rs, "read_at"));
    }

    /** A notice as one user sees it. */
    public record ForUser(Notice notice, Instant readAt) {
        public boolean read() {
            return readAt != null;
        }
    }
}
