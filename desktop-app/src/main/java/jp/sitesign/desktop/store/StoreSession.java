package jp.sitesign.desktop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.notice.NoticeView;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserView;

/**
 * An open local store, made by a login ({@link LocalStores}): what the sync engine and the views work on.
 * Thread-safe; close it on logout.
 */
public final class StoreSession implements AutoCloseable {
    static final String SET_ASIDE = "set-aside";

    private final StoreLocation location;
    private final StoreDatabase db;
    private final SecretKey storeKey;
    private final UserId user;
    private final CompanyId company;
    private final Outbox outbox;
    private final Blobs blobs;
    private final LocalContracts contracts;

    private StoreSession(StoreLocation location, StoreDatabase db, SecretKey storeKey, UserId user, CompanyId company,
            Clock clock) {
        this.location = location;
        this.db = db;
        this.storeKey = storeKey;
        this.user = user;
        this.company = company;
        this.outbox = new Outbox(db, company, clock);
        this.blobs = new Blobs(db);
        this.contracts = new LocalContracts(db, company, user);
    }

    /** Opens the database; {@code company} is recorded when given (online) and read back otherwise. */
    static StoreSession open(StoreLocation at, SecretKey key, UserId user, CompanyId company, Clock clock) {
        StoreDatabase db = StoreDatabase.open(at, key);
        try {
            CompanyId known = db.inTransaction(c -> {
                String stored = StoreDatabase.meta(c, "company");
                if (company != null && !company.value().equals(stored)) {
                    StoreDatabase.setMeta(c, "company", company.value());
                    return company;
                }
                return stored == null ? null : new CompanyId(stored);
            });
            if (known == null) {
                throw new SiteSignException(ErrorCode.LOCAL_STORE_MISSING);
            }
            return new StoreSession(at, db, key, user, known, clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public UserId user() {
        return user;
    }

    public CompanyId company() {
        return company;
    }

    /** The own company's name as the server gave it at the last online login (for the seal), if ever. */
    public Optional<String> companyName() {
        return Optional.ofNullable(db.read(c -> StoreDatabase.meta(c, "companyName")));
    }

    /**
     * Keeps the own company's name for offline starts; null (a server that does not say) keeps the known one, and
     * a name longer than the store's 200 characters is not kept (no seal line rather than a cut-off name).
     */
    /**
     * A long run of writes begins ({@code true}: a first sync, a re-sync) or ends: H2 gets the large page
     * cache that keeps index pages from being decrypted again and again while they fill, then the small one.
     */
    public void bulk(boolean on) {
        db.cacheSize(on ? StoreDatabase.BULK_CACHE_KB : StoreDatabase.CACHE_KB);
    }

    public void rememberCompanyName(String name) {
        // Read first: the same name at every login needs no durable commit on the way to the list.
        if (name != null && !name.isBlank() && name.length() <= 200
                && !companyName().filter(name::equals).isPresent()) {
            db.inTransaction(c -> {
                StoreDatabase.setMeta(c, "companyName", name);
                return null;
            });
        }
    }

    public StoreLocation location() {
        return location;
    }

    /** Where the next pull starts: the checkpoint of the last page applied (0 before the first). */
    public long checkpoint() {
        return db.read(c -> Long.parseLong(StoreDatabase.meta(c, "checkpoint")));
    }

    /**
     * Applies a page of the change feed and its checkpoint in one transaction: all of it or, if anything
     * fails, nothing. A {@code reset} page first drops every entity (the outbox and the PDFs stay).
     *
     * @throws IllegalArgumentException for a malformed change; nothing of the page is kept
     */
    public void apply(ChangePage page) {
        db.inTransaction(c -> {
            ChangeApplier.apply(c, page);
            return null;
        });
    }

    public Outbox outbox() {
        return outbox;
    }

    public Blobs blobs() {
        return blobs;
    }

    public LocalContracts contracts() {
        return contracts;
    }

    /** Users of the own company, by name kana. */
    public List<UserView> users() {
        List<UserView> out = bodies("SELECT body FROM users", UserView.class);
        out.sort(Comparator.comparing(UserView::nameKana, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UserView::id));
        return out;
    }

    public Optional<UserView> user(String id) {
        return users().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** Other companies' people this computer learned from shared contracts (ADR 43), by id. */
    public java.util.Map<String, jp.sitesign.model.user.PersonName> partnerPeople() {
        java.util.Map<String, jp.sitesign.model.user.PersonName> out = new java.util.HashMap<>();
        for (jp.sitesign.model.user.PersonName p : bodies("SELECT body FROM partner_people",
                jp.sitesign.model.user.PersonName.class)) {
            out.put(p.id(), p);
        }
        return out;
    }

    /** Keeps the names the server gave for a shared contract's other people (ADR 43). */
    public void rememberPartnerPeople(List<jp.sitesign.model.user.PersonName> people) {
        if (people.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO partner_people (id, body) KEY (id) VALUES (?, ?)")) {
                for (jp.sitesign.model.user.PersonName p : people) {
                    ps.setString(1, p.id());
                    ps.setString(2, StoreJson.write(p));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<Partnership> partnerships() {
        List<Partnership> out = bodies("SELECT body FROM partnerships ORDER BY id", Partnership.class);
        return out;
    }

    /** Notices, newest first. */
    public List<NoticeView> notices() {
        return bodies("SELECT body FROM notices ORDER BY published_at DESC, id DESC", NoticeView.class);
    }

    private <T> List<T> bodies(String sql, Class<T> type) {
        return db.read(c -> {
            List<T> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(StoreJson.read(rs.getString(1), type));
                }
            }
            return out;
        });
    }

    /**
     * After the server accepted a new password: the store key is wrapped under it. Only the key file is
     * rewritten; the old password no longer opens the store offline.
     */
    public void changePassword(char[] newPassword) {
        StoreKeyFile.write(location, storeKey, newPassword);
    }

    /** Earlier stores set aside because the password was changed elsewhere (see {@link OnlineLogin.Kind#REPLACED}). */
    public List<Path> setAsideStores() {
        return LocalStores.list(location.folder().resolve(SET_ASIDE));
    }

    /**
     * Moves into this outbox every command the set-aside stores still held unanswered, rejected or in
     * conflict, in their order and with their ids (the server answers a repeat with its first answer, so a
     * command that did reach it is not applied twice), then deletes those stores.
     *
     * @return how many commands were adopted
     * @throws SiteSignException {@link ErrorCode#LOCAL_LOGIN_FAILED} when the password opens none of them
     */
    public int adoptSetAside(char[] oldPassword) {
        int adopted = 0;
        boolean opened = false;
        for (Path dir : setAsideStores()) {
            StoreLocation old = new StoreLocation(dir, location.serverKey(), location.userId());
            SecretKey key;
            try {
                key = StoreKeyFile.unwrap(old, oldPassword);
            } catch (SiteSignException e) {
                continue;
            }
            opened = true;
            List<OutboxEntry> carried;
            try (StoreDatabase oldDb = StoreDatabase.open(old, key)) {
                carried = oldDb.read(c -> Outbox.select(c, "WHERE state <> 'APPLIED'"));
            }
            adopted += db.inTransaction(c -> adopt(c, carried));
            deleteTree(dir);
        }
        if (!opened) {
            throw new SiteSignException(ErrorCode.LOCAL_LOGIN_FAILED);
        }
        return adopted;
    }

    private static int adopt(Connection c, List<OutboxEntry> carried) throws SQLException {
        int n = 0;
        for (OutboxEntry e : carried) {
            if (Outbox.find(c, e.command().id()) == null) {
                Outbox.insert(c, e.command(), e.state(), e.result(), OffsetDateTime.ofInstant(e.queuedAt(),
                        ZoneOffset.UTC));
                n++;
            }
        }
        return n;
    }

    /** The user gives up what the set-aside stores held (they cannot recall the old password). */
    public void discardSetAside() {
        for (Path dir : setAsideStores()) {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
