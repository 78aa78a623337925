package jp.sitesign.desktop.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.desktop.store.Blobs;
import jp.sitesign.desktop.store.OutboxEntry;
import jp.sitesign.desktop.store.OutboxState;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.ChangePage;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.CommandResult;
import jp.sitesign.model.user.UserView;

/**
 * Exchanges the local store with the server (DESIGN §4). One {@link #syncOnce()} pushes the outbox in
 * order (uploading the PDFs its commands name first), then pulls the change feed page by page (each page
 * and its checkpoint in one local transaction), then fetches the PDFs the store lacks, resuming any cut
 * download. Nothing here is lost by a failure at any point: the outbox keeps a command until the server
 * answered it, the server answers a repeat with its first result, and the checkpoint moves only with the
 * page it belongs to.
 *
 * <p>A command the user gave on top of their own earlier, not yet confirmed command on the same contract
 * (an edit of a draft created offline, a submit after an offline edit) was based on what the app showed,
 * which includes that earlier command; it is pushed based on the revision the earlier command produced.
 * Calls are not concurrent: the {@link SyncScheduler} runs them one at a time.
 */
public final class SyncEngine {
    static final int PAGE = 500;
    static final int BATCH = 100;

    /**
     * The revision each of the user's own applied commands produced, per contract, for as long as the app
     * runs: a command queued on top of one of them (an attach right after creating the draft) is based on
     * the revision the user saw, which the server has since moved past with the user's own command. The
     * outbox forgets applied commands once the feed has brought their effect, often before the next command
     * is pushed; without this memory that command would come back as a conflict with the user's own work.
     */
    private final Map<String, Long> produced = new java.util.concurrent.ConcurrentHashMap<>();
    /** A lock per document being downloaded (see {@link #fetch}). */
    private final Map<String, Object> downloads = new java.util.concurrent.ConcurrentHashMap<>();
    private final ServerApi api;
    private final StoreSession store;
    private final Clock clock;
    private final List<Consumer<SyncState>> listeners = new CopyOnWriteArrayList<>();
    /**
     * The contracts the current exchange's pull brought that name other companies' people, with those people's
     * ids, for {@link #learnPartnerPeople()} (ids only: a first sync may bring many contracts).
     */
    private final Map<String, Set<String>> partnerPeopleNamed = new java.util.LinkedHashMap<>();
    private final List<Consumer<Report>> reportListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PullProgress>> progressListeners = new CopyOnWriteArrayList<>();
    private volatile String token;
    private final java.util.function.Supplier<String> relogin;
    private volatile SyncState state = SyncState.INITIAL;
    private volatile boolean prefetchDocuments = true;

    public SyncEngine(ServerApi api, StoreSession store, String token, Clock clock) {
        this(api, store, token, null, clock);
    }

    /**
     * @param token   the session to start with, or null (offline start)
     * @param relogin gives a new session when there is none or the server ended it (null: the user must log in)
     */
    public SyncEngine(ServerApi api, StoreSession store, String token, java.util.function.Supplier<String> relogin,
            Clock clock) {
        this.relogin = relogin;
        this.api = api;
        this.store = store;
        this.token = token;
        this.clock = clock;
    }

    /** What a sync did. */
    public record Report(int pushed, int applied, int rejected, int conflicts, int changes, int documents) {
    }

    /**
     * How far a pull of more than one page has come (the first sync, a re-sync): the contracts received so far,
     * how many the server holds for the user (0 when unknown), and whether the pull has ended (the feed read to
     * its end, or the pull cut off by a failure, after which the next sync goes on from the last checkpoint).
     * Each page is committed with its checkpoint before this is told, so the store already shows what it counts.
     */
    public record PullProgress(int contracts, int expected, boolean done) {
    }

    /** The server session in use, or null while offline. */
    public String token() {
        return token;
    }

    public SyncState state() {
        return state;
    }

    public void addListener(Consumer<SyncState> listener) {
        listeners.add(listener);
        listener.accept(state);
    }

    /** Told what each complete sync did, right after it ended (on the syncing thread). */
    public void addReportListener(Consumer<Report> listener) {
        reportListeners.add(listener);
    }

    /**
     * Told after each page of a long pull is applied and once when it ends (on the syncing thread), so the list
     * can show the first page's contracts while the rest arrives instead of waiting for the whole first sync.
     */
    public void addProgressListener(Consumer<PullProgress> listener) {
        progressListeners.add(listener);
    }

    /** Whether PDFs are fetched for offline use after each pull (on by default); otherwise on demand. */
    public void prefetchDocuments(boolean on) {
        this.prefetchDocuments = on;
    }

    /** A new session after the user logged in again; sync resumes. */
    public void resume(String newToken) {
        this.token = newToken;
        publish(state.failed(state.online(), false, null, null));
    }

    /**
     * One complete exchange (one at a time: a second caller waits for the first). Throws
     * {@link OfflineException} when the server cannot be reached (the state says offline), and
     * {@link SiteSignException} SESSION_EXPIRED/UNAUTHENTICATED when the user must log in again; everything
     * done before the failure is kept.
     */
    public synchronized Report syncOnce() {
        try {
            if (token == null) {
                token = login();
            }
            return exchange();
        } catch (SiteSignException e) {
            boolean expired = e.code() == ErrorCode.SESSION_EXPIRED || e.code() == ErrorCode.UNAUTHENTICATED;
            if (!expired || relogin == null) {
                throw e;
            }
            token = login();
            return exchange();
        }
    }

    /** A new session from the login the app holds (offline start, expired session), or a refusal. */
    private String login() {
        if (relogin == null) {
            throw new SiteSignException(ErrorCode.UNAUTHENTICATED);
        }
        try {
            return relogin.get();
        } catch (OfflineException e) {
            publish(counted(state)
                    .failed(false, false, DesktopMessage.SYNC_OFFLINE.ja(), DesktopMessage.SYNC_OFFLINE.en()));
            throw e;
        } catch (SiteSignException e) {
            publish(state.failed(true, true, e.messageJa(), e.messageEn()));
            throw e;
        }
    }

    private Report exchange() {
        publish(state.with(state.online(), true).counts(store.outbox().pending().size(),
                store.outbox().needingAttention().size()));
        try {
            int[] pushed = push();
            int changes = pull();
            learnPartnerPeople();
            int documents = prefetchDocuments ? fetchMissing() : 0;
            publish(counted(state)
                    .succeeded(clock.instant()));
            Report report = new Report(pushed[0], pushed[1], pushed[2], pushed[3], changes, documents);
            reportListeners.forEach(l -> l.accept(report));
            return report;
        } catch (OfflineException e) {
            publish(counted(state)
                    .failed(false, false, DesktopMessage.SYNC_SERVER_UNREACHABLE.ja(),
                            DesktopMessage.SYNC_SERVER_UNREACHABLE.en()));
            throw e;
        } catch (SiteSignException e) {
            boolean login = e.code() == ErrorCode.SESSION_EXPIRED || e.code() == ErrorCode.UNAUTHENTICATED;
            publish(counted(state)
                    .failed(true, login, e.messageJa(), e.messageEn()));
            throw e;
        }
    }

    /** Pushes pending commands in order; returns {pushed, applied, rejected, conflicts}. */
    private int[] push() {
        for (OutboxEntry e : store.outbox().all()) {
            if (e.state() == OutboxState.APPLIED && e.result() != null && e.result().revision() != null) {
                produced.merge(e.command().entityId(), e.result().revision(), Math::max);
            }
        }
        List<OutboxEntry> pending = store.outbox().pending();
        int[] counts = new int[4];
        int i = 0;
        while (i < pending.size()) {
            List<Command> batch = new ArrayList<>();
            Set<String> entities = new HashSet<>();
            while (i < pending.size() && batch.size() < BATCH) {
                Command c = pending.get(i).command();
                String entity = c.entityId();
                if (entity != null && !entities.add(entity)) {
                    break;
                }
                upload(c);
                batch.add(rebased(c, produced));
                i++;
            }
            List<CommandResult> results = api.push(token, batch);
            store.outbox().markResults(results);
            for (CommandResult r : results) {
                counts[0]++;
                String entity = r.entityId();
                switch (r.outcome()) {
                    case APPLIED -> {
                        counts[1]++;
                        if (entity != null && r.revision() != null) {
                            produced.put(entity, r.revision());
                        }
                    }
                    case REJECTED -> {
                        counts[2]++;
                        if (entity != null) {
                            produced.remove(entity);
                        }
                    }
                    case CONFLICT -> {
                        counts[3]++;
                        if (entity != null) {
                            produced.remove(entity);
                        }
                    }
                }
            }
            publish(counted(state));
        }
        return counts;
    }

    /** The command based on the revision the user's own earlier command on the same contract produced. */
    private static Command rebased(Command c, Map<String, Long> produced) {
        Long base = c.entityId() == null ? null : produced.get(c.entityId());
        if (base == null || c.baseRevision() == null || c.baseRevision() >= base) {
            return c;
        }
        return c.rebasedOn(base);
    }

    /** Sends the PDF a command names, from where the server's copy ends. */
    private void upload(Command c) {
        if (!(c instanceof Command.WithUpload u)) {
            return;
        }
        String sha = u.documentSha256();
        byte[] pdf = store.blobs().get(sha).orElse(null);
        if (pdf == null) {
            return; // the server answers the command with a clear refusal, which the outbox keeps
        }
        ServerApi.UploadStatus s = api.uploadStatus(token, sha);
        long at = s.size();
        while (!s.complete()) {
            int to = (int) Math.min(pdf.length, at + ServerApi.CHUNK);
            s = api.uploadChunk(token, sha, at, java.util.Arrays.copyOfRange(pdf, (int) at, to), to == pdf.length);
            at = s.size();
            publish(state.transfer(at, pdf.length));
        }
    }

    /** Pulls until the feed has nothing more; returns the number of changes applied. */
    private int pull() {
        String self = store.user().value();
        String roleBefore = store.user(self).map(UserView::role).map(Enum::name).orElse(null);
        int changes = pullFrom(store.checkpoint(), false);
        String roleAfter = store.user(self).map(UserView::role).map(Enum::name).orElse(null);
        if (roleBefore != null && !roleBefore.equals(roleAfter)) {
            // What this user may see changed without the contracts changing: start again from the beginning.
            changes += pullFrom(0, true);
        }
        return changes;
    }

    /**
     * Asks the server for the names of other companies' people on the contracts this pull brought whose names this
     * computer does not know yet (ADR 43: receivers and signers, never the other side's approvers). A contract the
     * server no longer shows, or an older server without the call, leaves the ids as they are.
     */
    private void learnPartnerPeople() {
        Map<String, Set<String>> brought = new java.util.LinkedHashMap<>(partnerPeopleNamed);
        partnerPeopleNamed.clear();
        if (brought.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>(store.partnerPeople().keySet());
        for (Map.Entry<String, Set<String>> k : brought.entrySet()) {
            Set<String> named = k.getValue();
            if (known.containsAll(named)) {
                continue;
            }
            try {
                List<jp.sitesign.model.user.PersonName> people = api.people(token, k.getKey());
                store.rememberPartnerPeople(people);
                people.forEach(p -> known.add(p.id()));
            } catch (SiteSignException refused) {
                // Not visible any more, or a server without the call: the ids stay; the next change asks again.
            }
            known.addAll(named);
        }
    }

    /** Pages from {@code since} until the feed has no more; {@code reset} drops what the store held first. */
    private int pullFrom(long since, boolean reset) {
        int changes = 0;
        ChangePage page = api.pull(token, since, PAGE);
        store.apply(reset ? new ChangePage(page.changes(), page.checkpoint(), page.more(), true) : page);
        noteContracts(page);
        changes += page.changes().size();
        if (!page.more()) {
            return changes;
        }
        // More than a page: the list shows this one now, with how many are coming when the feed starts over.
        int received = contracts(page);
        int expected = since == 0 || reset ? expectedContracts() : 0;
        progress(new PullProgress(received, expected, false));
        store.bulk(true); // more than a page: a long run of writes (the first sync, a re-sync)
        boolean ended = false;
        try {
            while (page.more()) {
                page = api.pull(token, store.checkpoint(), PAGE);
                store.apply(page);
                noteContracts(page);
                changes += page.changes().size();
                received += contracts(page);
                ended = !page.more();
                progress(new PullProgress(received, expected, ended));
            }
        } finally {
            store.bulk(false);
            if (!ended) {
                // Cut off (offline, refused): the progress ends here; the next sync goes on from the checkpoint.
                progress(new PullProgress(received, expected, true));
            }
        }
        return changes;
    }

    /** The contracts a page brings (not their removals nor the other kinds of entity). */
    private static int contracts(ChangePage page) {
        return (int) page.changes().stream().filter(ch -> !ch.removed() && ch.contract() != null).count();
    }

    /** How many contracts the server holds for the user (its search's total), or 0 when it does not say. */
    private int expectedContracts() {
        try {
            return api.contractCount(token);
        } catch (SiteSignException | OfflineException e) {
            return 0; // the count only labels the progress; the pull goes on (and fails on its own if it must)
        }
    }

    private void progress(PullProgress p) {
        for (Consumer<PullProgress> l : progressListeners) {
            l.accept(p);
        }
    }

    private void noteContracts(ChangePage page) {
        jp.sitesign.model.company.CompanyId own = store.company();
        for (jp.sitesign.model.sync.Change ch : page.changes()) {
            if (!ch.removed() && ch.contract() != null) {
                Set<String> named = new HashSet<>();
                jp.sitesign.model.policy.PartnerNames.namedFor(own, ch.contract().progress()).keySet()
                        .forEach(u -> named.add(u.value()));
                if (!named.isEmpty()) {
                    partnerPeopleNamed.put(ch.contract().id(), named);
                }
            }
        }
    }

    /** Downloads every PDF the stored contracts name and this computer lacks, resuming cut downloads. */
    private int fetchMissing() {
        int n = 0;
        for (Blobs.Missing m : store.blobs().missingDocuments()) {
            fetch(m.contractId(), m.sha256());
            n++;
        }
        return n;
    }

    /**
     * One PDF, from where an earlier cut download stopped; kept only when its SHA-256 matches. On demand
     * for a PDF not fetched yet (prefetch off), or by the engine itself.
     */
    public byte[] fetch(String contractId, String sha256) {
        Optional<byte[]> have = store.blobs().get(sha256);
        if (have.isPresent()) {
            return have.get();
        }
        // One download of a document at a time: the background sync's prefetch and the user opening the
        // same PDF would otherwise append to the same partial file from two places.
        synchronized (downloads.computeIfAbsent(sha256, k -> new Object())) {
            have = store.blobs().get(sha256);
            if (have.isPresent()) {
                return have.get(); // the other download finished it while this one waited
            }
            long from = store.blobs().received(sha256);
            api.download(token, contractId, sha256, from, (offset, piece, total) -> {
                store.blobs().append(sha256, offset, piece);
                publish(state.transfer(offset + piece.length, total));
            });
            store.blobs().complete(sha256);
            publish(state.transfer(0, 0));
            return store.blobs().get(sha256).orElseThrow();
        }
    }

    private SyncState counted(SyncState s) {
        jp.sitesign.desktop.store.Outbox.Counts c = store.outbox().counts();
        return s.counts(c.pending(), c.needingAttention());
    }

    private void publish(SyncState next) {
        state = next;
        for (Consumer<SyncState> l : listeners) {
            l.accept(next);
        }
    }
}
