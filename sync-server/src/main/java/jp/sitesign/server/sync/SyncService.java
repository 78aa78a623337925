package jp.sitesign.server.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.notice.NoticeView;
import jp.sitesign.model.policy.Action;
import jp.sitesign.model.policy.CompanyResource;
import jp.sitesign.model.sync.Change;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandOutcome;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.sync.CommandType;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.sync.DocumentKind;
import jp.sitesign.model.user.User;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserView;
import jp.sitesign.model.workflow.ContractVerbs;
import jp.sitesign.server.accounts.UserRepository;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.auth.Guard;
import jp.sitesign.server.certificates.SigningAuthority;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.contracts.ContractDrafts;
import jp.sitesign.server.contracts.ContractQueries;
import jp.sitesign.server.contracts.ContractService;
import jp.sitesign.server.contracts.ContractWorkflow;
import jp.sitesign.server.contracts.StoredContract;
import jp.sitesign.server.notices.NoticeService;
import jp.sitesign.server.partnerships.PartnershipService;
import jp.sitesign.server.storage.ChangeLog;
import jp.sitesign.server.storage.Database;
import jp.sitesign.server.storage.Jdbc;
import jp.sitesign.server.storage.StorageException;

/**
 * The server half of DESIGN §4. {@link #pull} answers the change feed for one user: the entities that
 * changed after the checkpoint, as that user may see them now, or tombstones. {@link #push} applies a
 * client's commands in order, each exactly once: the command's id is recorded with its result in the
 * transaction that applies it, so a repeat (after a lost answer, a client crash or a server crash)
 * gets the first result and changes nothing.
 */
public final class SyncService {
    public static final int MAX_PAGE = 1000;
    public static final int MAX_COMMANDS = 500;
    /** Refusals of a document's content, as opposed to its timing or the contract's state. */
    private static final Set<ErrorCode> REFUSED_CONTENT = EnumSet.of(ErrorCode.INVALID_DOCUMENT,
            ErrorCode.DOCUMENT_TOO_COMPLEX, ErrorCode.INVALID_SIGNATURE);

    private final Database db;
    private final ContractDrafts drafts;
    private final ContractWorkflow workflow;
    private final ContractQueries queries;
    private final UserRepository users;
    private final PartnershipService partnerships;
    private final NoticeService notices;
    private final SigningAuthority signingAuthority;
    private final Uploads uploads;
    private final Guard guard;
    private final Clock clock;
    private final ChangeLog changes;
    private final ServerConfig config;

    public SyncService(Database db, ContractService contracts, UserRepository users, PartnershipService partnerships,
            NoticeService notices, SigningAuthority signingAuthority, Uploads uploads, Guard guard, Clock clock,
            ChangeLog changes, ServerConfig config) {
        this.changes = changes;
        this.config = config;
        this.db = db;
        this.drafts = contracts.drafts();
        this.workflow = contracts.workflow();
        this.queries = contracts.queries();
        this.users = users;
        this.partnerships = partnerships;
        this.notices = notices;
        this.signingAuthority = signingAuthority;
        this.uploads = uploads;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * The changes after {@code since} the caller may learn of. A checkpoint older than the oldest tombstone
     * still kept restarts the feed from the beginning with {@code reset} set. From the beginning, removed
     * and invisible entities are simply left out.
     */
    public ChangePage pull(Caller caller, long since, int limit) {
        return pullMeasured(caller, since, limit).page();
    }

    /**
     * A page of the feed and how long its oldest change waited for this client ({@code null} when the page is
     * empty): the feed's lag, as the metrics report it.
     */
    public record Pulled(ChangePage page, java.time.Duration lag) {
    }

    /** {@link #pull}, with the page's lag. */
    public Pulled pullMeasured(Caller caller, long since, int limit) {
        if (since < 0) {
            throw SyncMessage.SINCE_NEGATIVE.exception();
        }
        return db.inTransaction(c -> {
            boolean reset = since > 0 && since < ChangeLog.horizon(c);
            long from = reset ? 0 : since;
            List<String> audiences = List.of(caller.companyId(), caller.getName(), ChangeLog.EVERYONE);
            List<ChangeLog.Row> rows = ChangeLog.after(c, audiences, from, limit);
            List<String> contractIds = rows.stream()
                    .filter(r -> r.type() == jp.sitesign.model.sync.EntityType.CONTRACT && !r.removed())
                    .map(ChangeLog.Row::id).distinct().toList();
            java.util.Map<String, ContractSnapshot> snapshots = queries.snapshots(caller, contractIds);
            List<Change> changes = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long checkpoint = from;
            for (ChangeLog.Row row : rows) {
                checkpoint = row.seq();
                if (!seen.add(row.type() + "|" + row.id())) {
                    continue;
                }
                Optional<Change> current = row.removed() ? Optional.empty()
                        : row.type() == jp.sitesign.model.sync.EntityType.CONTRACT
                                ? Optional.ofNullable(snapshots.get(row.id())).map(k -> Change.of(k, row.seq()))
                                : load(c, caller, row);
                if (current.isPresent()) {
                    changes.add(current.get());
                } else if (from > 0) {
                    changes.add(Change.removed(row.type(), row.id(), row.seq()));
                }
            }
            java.time.Duration lag = rows.stream().map(ChangeLog.Row::changedAt).min(java.util.Comparator.naturalOrder())
                    .map(oldest -> java.time.Duration.between(oldest, clock.instant())).orElse(null);
            return new Pulled(new ChangePage(changes, checkpoint, rows.size() == limit, reset), lag);
        });
    }

    private Optional<Change> load(Connection c, Caller caller, ChangeLog.Row row) throws SQLException {
        long seq = row.seq();
        CompanyId own = caller.user().companyId();
        switch (row.type()) {
            case CONTRACT:
                return queries.snapshot(caller, row.id()).map(k -> Change.of(k, seq));
            case USER:
                return user(c, caller, row.id()).map(u -> Change.of(u, seq));
            case PARTNERSHIP:
                if (!guard.decide(caller, Action.VIEW_PARTNERSHIPS, new CompanyResource(own)).allowed()) {
                    return Optional.empty();
                }
                return partnerships.find(c, own, Long.parseLong(row.id())).map(p -> Change.of(p, seq));
            case NOTICE:
                return notices.find(c, caller.user().id(), Long.parseLong(row.id()))
                        .map(n -> Change.of(NoticeView.of(n.notice(), n.read()), seq));
            default:
                return Optional.empty();
        }
    }

    /**
     * A user of the caller's company as the caller may see them: their own record and, for those who may
     * {@code VIEW_USERS}, everyone's full record; for everyone else the company directory's entry of each
     * active colleague ({@code VIEW_COMPANY_DIRECTORY}, ADR 10), so that a member can name the approvers and
     * the signer of a route. A colleague who is suspended or deleted leaves the directory (a tombstone).
     */
    private Optional<UserView> user(Connection c, Caller caller, String id) throws SQLException {
        CompanyId own = caller.user().companyId();
        Optional<User> found = UserId.isValid(id) ? users.find(c, new UserId(id)) : Optional.empty();
        if (found.isEmpty() || !found.get().companyId().equals(own)) {
            return Optional.empty();
        }
        User u = found.get();
        CompanyResource company = new CompanyResource(own);
        if (u.id().equals(caller.user().id()) || guard.decide(caller, Action.VIEW_USERS, company).allowed()) {
            return Optional.of(UserView.of(u, clock.instant(), signingAuthority.holds(c, own, u.id())));
        }
        if (u.status() != jp.sitesign.model.user.UserStatus.ACTIVE
                || !guard.decide(caller, Action.VIEW_COMPANY_DIRECTORY, company).allowed()) {
            return Optional.empty();
        }
        return Optional.of(UserView.directoryEntry(u, signingAuthority.holds(c, own, u.id())));
    }

    /** What one maintenance run removed. */
    public record Maintenance(int tombstones, int commands, int uploads) {
        public boolean any() {
            return tombstones + commands + uploads > 0;
        }
    }

    /**
     * Drops tombstones older than {@code sync.tombstone-days} (a device offline longer starts again from
     * the beginning), command records older than {@code sync.command-log-days} (a device offline longer
     * than that could replay a command twice, so keep it at least as long as the tombstones) and uploads no
     * command used within {@code sync.upload-days}.
     */
    public Maintenance maintain() {
        java.time.Instant now = clock.instant();
        int tombstones = db.inTransaction(c -> changes.purgeTombstones(c,
                now.minus(java.time.Duration.ofDays(config.getInt("sync.tombstone-days")))));
        int commands = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_commands WHERE received_at < ?")) {
                Jdbc.setInstant(ps, 1, now.minus(java.time.Duration.ofDays(config.getInt("sync.command-log-days"))));
                return ps.executeUpdate();
            }
        });
        int abandoned = uploads.purgeAbandoned(now.minus(java.time.Duration.ofDays(config.getInt("sync.upload-days"))));
        return new Maintenance(tombstones, commands, abandoned);
    }

    /** Applies the commands in order, each exactly once; one result per command, in the same order. */
    public List<CommandResult> push(Caller caller, List<Command> commands) {
        if (commands == null || commands.isEmpty() || commands.size() > MAX_COMMANDS) {
            throw SyncMessage.COMMAND_COUNT.exception(MAX_COMMANDS);
        }
        List<CommandResult> results = new ArrayList<>();
        for (Command command : commands) {
            results.add(pushOne(caller, command));
        }
        return results;
    }

    private CommandResult pushOne(Caller caller, Command command) {
        Optional<CommandResult> earlier = db.read(c -> recorded(c, caller, command.id()));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CommandResult result;
        try {
            result = db.inTransaction(c -> {
                CommandResult applied = apply(c, caller, command);
                record(c, caller, command, applied);
                return applied;
            });
        } catch (SiteSignException e) {
            result = refused(caller, command, e);
            try {
                CommandResult refusal = result;
                db.inTransaction(c -> {
                    record(c, caller, command, refusal);
                    if (REFUSED_CONTENT.contains(e.code()) && command instanceof Command.WithUpload upload) {
                        // The same bytes would be refused again; kept, they would only hold the uploader's room.
                        uploads.dropComplete(c, Uploads.Owner.of(caller), upload.documentSha256());
                    }
                    return null;
                });
            } catch (StorageException duplicate) {
                return db.read(c -> recorded(c, caller, command.id())).orElseThrow(() -> duplicate);
            }
        } catch (StorageException e) {
            // The same command, pushed twice at once: the other push recorded it first.
            return db.read(c -> recorded(c, caller, command.id())).orElseThrow(() -> e);
        }
        return result;
    }

    private CommandResult apply(Connection c, Caller caller, Command command) throws SQLException {
        if (command instanceof Command.MarkNoticeRead read) {
            notices.markRead(caller.user().id(), noticeId(read.entityId()));
            return CommandResult.applied(command.id(), read.entityId(), null);
        }
        StoredContract k = applyToContract(c, caller, command);
        return CommandResult.applied(command.id(), command.entityId(), k == null ? null : k.revision());
    }

    /** The contract after the command; null when it deleted it. Each command's own record says what it carries. */
    private StoredContract applyToContract(Connection c, Caller caller, Command command) throws SQLException {
        String id = command.entityId();
        Long base = command.baseRevision();
        CompanyId own = caller.user().companyId();
        if (command instanceof Command.CreateDraft create) {
            return drafts.create(caller, id, create.draft().progress(own), create.draft().data());
        }
        if (command instanceof Command.EditDraft edit) {
            return drafts.edit(caller, id, base, edit.draft().progress(own), edit.draft().data());
        }
        if (command instanceof Command.AttachDocument attach) {
            return usingUpload(c, caller, attach, pdf -> attach.documentKindOrMain() == DocumentKind.ATTACHMENT
                    ? drafts.attach(caller, id, base, attach.documentName(), pdf)
                    : drafts.attachMain(caller, id, base, pdf));
        }
        if (command instanceof Command.RemoveAttachment remove) {
            Uploads.requireSha(remove.documentSha256());
            return drafts.removeAttachment(caller, id, base, remove.documentSha256());
        }
        if (command instanceof Command.Amend amend) {
            return drafts.amend(caller, id, amend.originalId());
        }
        if (command instanceof Command.Sign sign) {
            return usingUpload(c, caller, sign,
                    pdf -> workflow.sign(caller, id, base, sign.baseSha256(), pdf, sign.keySource()));
        }
        if (command instanceof Command.SetPartyRoute route) {
            return workflow.setPartyRoute(caller, id, base,
                    route.routeOrEmpty().stream().map(u -> UserId.parse("route", u)).toList(),
                    route.signer() == null ? null : UserId.parse("signer", route.signer()));
        }
        if (command instanceof Command.CommentedStep step) {
            return workflow.act(caller, id, base, lifecycle(step.type()), step.comment());
        }
        if (command instanceof Command.Step step) {
            return workflow.act(caller, id, base, lifecycle(step.type()), null);
        }
        throw new IllegalStateException("no handler for " + command.type());
    }

    /** Applies {@code command} to the PDF it uploaded first; the upload is used up with the command's transaction. */
    private StoredContract usingUpload(Connection c, Caller caller, Command.WithUpload command,
            java.util.function.Function<byte[], StoredContract> applied) throws SQLException {
        StoredContract k = applied.apply(uploads.take(c, Uploads.Owner.of(caller), command.documentSha256()));
        uploads.delete(c, Uploads.Owner.of(caller), command.documentSha256());
        return k;
    }

    /** Why a command was not applied: a conflict when the contract moved on, a rejection otherwise. */
    private CommandResult refused(Caller caller, Command command, SiteSignException e) {
        ContractSnapshot current = null;
        boolean moved = e.code() == ErrorCode.SIGN_AGAIN;
        if (e.code() == ErrorCode.CONFLICT && command.entityId() != null && command.baseRevision() != null) {
            current = currentFor(caller, command.entityId());
            moved = current != null && current.revision() != command.baseRevision();
        } else if (moved) {
            current = currentFor(caller, command.entityId());
        }
        return new CommandResult(command.id(), moved ? CommandOutcome.CONFLICT : CommandOutcome.REJECTED,
                command.entityId(), null, e.code(), e.messageJa(), e.messageEn(), moved ? current : null);
    }

    private ContractSnapshot currentFor(Caller caller, String id) {
        return queries.snapshot(caller, id).orElse(null);
    }

    private static Optional<CommandResult> recorded(Connection c, Caller caller, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sync_commands WHERE id = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString("user_id").equals(caller.getName())) {
                    return Optional.of(new CommandResult(id, CommandOutcome.REJECTED, null, null,
                            SyncMessage.COMMAND_ID_TAKEN.code(), SyncMessage.COMMAND_ID_TAKEN.ja(),
                            SyncMessage.COMMAND_ID_TAKEN.en(), null));
                }
                long revision = rs.getLong("revision");
                Long rev = rs.wasNull() ? null : revision;
                String code = rs.getString("code");
                return Optional.of(new CommandResult(id, CommandOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("entity_id"), rev, code == null ? null : ErrorCode.valueOf(code),
                        rs.getString("message_ja"), rs.getString("message_en"), null));
            }
        }
    }

    private void record(Connection c, Caller caller, Command command, CommandResult r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_commands (id, user_id, command, entity_id,"
                + " outcome, revision, code, message_ja, message_en, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, command.id().toString());
            ps.setString(2, caller.getName());
            ps.setString(3, command.type().name());
            ps.setString(4, clip(command.entityId(), 64));
            ps.setString(5, r.outcome().name());
            if (r.revision() == null) {
                ps.setNull(6, java.sql.Types.BIGINT);
            } else {
                ps.setLong(6, r.revision());
            }
            ps.setString(7, r.code() == null ? null : r.code().name());
            ps.setString(8, clip(r.messageJa(), 2000));
            ps.setString(9, clip(r.messageEn(), 2000));
            Jdbc.setInstant(ps, 10, clock.instant());
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new StorageException(e);
            }
            throw e;
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static LifecycleCommand lifecycle(CommandType type) {
        return ContractVerbs.lifecycle(type).orElseThrow(() -> new IllegalStateException(type.name()));
    }

    private static long noticeId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw new SiteSignException(ErrorCode.NOT_FOUND);
        }
    }
}
