package jp.sitesign.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatusWord;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.pdf.SignatureAppearanceInfo;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.contracts.ContractDrafts;
import jp.sitesign.server.contracts.ContractQueries;
import jp.sitesign.server.contracts.ContractWorkflow;
import jp.sitesign.server.contracts.StoredContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo contracts, one in each status, made by the demo users through the contract service as they
 * would through the app — so each step passes the access policy and the lifecycle and is audited. The
 * 発注者's 鈴木 drafts every one; 佐藤 approves; the signers sign with their demo PKCS#12 files (B-T, the
 * DEMO TSA), and the last signature makes the server archive the contract as B-LTA.
 */
final class DemoContracts {
    private static final Logger LOG = LoggerFactory.getLogger(DemoContracts.class);
    /** The one contract meant to expire gets a deadline this close, so it passes while the rest is made. */
    private static final Duration SHORT_DEADLINE = Duration.ofSeconds(2);
    private static final Duration DEADLINE = Duration.ofDays(30);

    private final ServerContext ctx;
    private final ContractDrafts drafts;
    private final ContractWorkflow workflow;
    private final ContractQueries queries;
    private final DemoSessions sessions;
    private final DemoCompanies.Company a;
    private final DemoCompanies.Company b;
    private final Map<UserId, DemoSigners.Signer> signers;
    private final LocalDate today;
    private final List<Seeded> seeded = new ArrayList<>();
    private int sequence;
    private DemoPdf pdfs;

    /**
     * A demo contract as the credentials text lists it.
     *
     * @param awaiting the signer it awaits, or null
     */
    record Seeded(String number, String status, String title, DemoCompanies.Person awaiting) {
    }

    DemoContracts(ServerContext ctx, DemoSessions sessions, DemoCompanies.Company orderer,
            DemoCompanies.Company contractor, Map<UserId, DemoSigners.Signer> signers) {
        this.ctx = ctx;
        this.drafts = ctx.contracts().drafts();
        this.workflow = ctx.contracts().workflow();
        this.queries = ctx.contracts().queries();
        this.sessions = sessions;
        this.a = orderer;
        this.b = contractor;
        this.signers = signers;
        this.today = LocalDate.ofInstant(ctx.clock().instant(), JapanTime.ZONE);
    }

    /** Makes one contract in each status; returns them by 文書管理番号. */
    List<Seeded> seedAll() {
        try (DemoPdf pdfs = DemoPdf.open()) {
            this.pdfs = pdfs;
            return seed();
        } finally {
            this.pdfs = null;
        }
    }

    private List<Seeded> seed() {
        StoredContract expiring = submitExpiring(draft(DemoProjects.EXPIRED, List.of(a.admin()), a.owner(), null));
        note(draft(DemoProjects.DRAFT, List.of(a.admin()), a.owner(), null));
        StoredContract returned = submit(draft(DemoProjects.RETURNED, List.of(a.admin()), a.owner(), null));
        note(workflow.act(sessions.of(a.admin()), returned.id(), returned.revision(), LifecycleCommand.RETURN,
                "着工時期が見積条件と異なります。工期を確認のうえ、再度申請してください。"));
        note(submit(draft(DemoProjects.IN_APPROVAL, List.of(a.admin()), a.owner(), null)));
        note(submit(draft(DemoProjects.AWAITING_SENDER, List.of(), a.member2(), null)), a.member2());
        StoredContract toCounterparty = sign(submit(draft(DemoProjects.AWAITING_COUNTERPARTY, List.of(), a.owner(),
                null)), a.owner());
        note(route(toCounterparty, List.of(), b.member2()), b.member2());
        note(completed());
        StoredContract withdrawn = submit(draft(DemoProjects.WITHDRAWN, List.of(a.admin()), a.owner(), null));
        note(workflow.act(sessions.of(a.member()), withdrawn.id(), withdrawn.revision(), LifecycleCommand.WITHDRAW,
                "発注内容を見直すため、この注文を取り消します。"));
        StoredContract declined = sign(submit(draft(DemoProjects.DECLINED, List.of(), a.owner(), null)), a.owner());
        note(workflow.act(sessions.of(b.member()), declined.id(), declined.revision(), LifecycleCommand.DECLINE,
                "工期が当社の体制と合わないため、今回は辞退いたします。"));
        note(acknowledged());
        note(expire(expiring));
        seeded.sort(Comparator.comparing(Seeded::number));
        return seeded;
    }

    /** Approved by each company's route and signed by both owners: the server archives it as B-LTA. */
    private StoredContract completed() {
        StoredContract k = submit(draft(DemoProjects.COMPLETED, List.of(a.admin()), a.owner(), null));
        k = sign(act(k, a.admin(), LifecycleCommand.APPROVE), a.owner());
        k = route(k, List.of(b.admin()), b.owner());
        return sign(act(k, b.admin(), LifecycleCommand.APPROVE), b.owner());
    }

    /** 送付のみ: the 発注者 signs, the 受注者's 担当者 acknowledges receipt. */
    private StoredContract acknowledged() {
        ContractData data = DemoProjects.notice(nextNumber(), DemoProjects.PAYMENT_NOTICE, today);
        byte[] pdf = pdfs.render(DemoProjects.noticeSheet(data, DemoProjects.PAYMENT_NOTICE, a, b));
        StoredContract k = create(ContractForm.SEND_ONLY, data, pdf, List.of(), a.owner(), null);
        return act(sign(submit(k), a.owner()), b.member(), LifecycleCommand.ACKNOWLEDGE);
    }

    /**
     * Sends the contract meant to expire with a deadline just ahead: set right before sending, and longer
     * each time when the machine is so busy that even the two steps outlast it (the send is refused then).
     */
    private StoredContract submitExpiring(StoredContract draft) {
        StoredContract k = draft;
        Duration ahead = SHORT_DEADLINE;
        for (int attempt = 1; ; attempt++) {
            ContractProgress p = k.progress();
            ContractProgress shortened = new ContractProgress(p.form(), p.status(), p.parties(), 0, 0,
                    ctx.clock().instant().plus(ahead), p.returnComment());
            k = drafts.edit(sessions.of(a.member()), k.id(), k.revision(), shortened, k.data());
            try {
                return submit(k);
            } catch (SiteSignException e) {
                if (attempt == 5 || !ctx.clock().instant().isAfter(shortened.deadline())) {
                    throw e; // not the deadline that refused it
                }
                ahead = ahead.multipliedBy(2);
            }
        }
    }

    /**
     * The deadline job does the rest once the short deadline has passed. The wait is bounded, so a clock
     * that does not move (a test's) leaves the contract in approval instead of hanging the start.
     */
    private StoredContract expire(StoredContract k) {
        long giveUp = System.nanoTime()
                + Duration.between(ctx.clock().instant(), k.progress().deadline()).plusSeconds(5).toNanos();
        while (!ctx.clock().instant().isAfter(k.progress().deadline()) && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (workflow.expireDue() == 0) {
            LOG.warn("the demo contract {} has not expired yet; the deadline job will expire it",
                    k.data().managementNumber());
        }
        return queries.get(sessions.of(a.member()), k.id());
    }

    private StoredContract draft(DemoProjects.Project p, List<DemoCompanies.Person> route,
            DemoCompanies.Person signer, Instant deadline) {
        ContractData data = DemoProjects.construction(nextNumber(), p, today);
        byte[] pdf = pdfs.render(DemoProjects.orderSheet(data, a, b));
        return create(ContractForm.ORDER_AND_ACCEPTANCE_COMBINED, data, pdf, route, signer,
                deadline != null ? deadline : ctx.clock().instant().plus(DEADLINE));
    }

    private StoredContract create(ContractForm form, ContractData data, byte[] pdf,
            List<DemoCompanies.Person> route, DemoCompanies.Person signer, Instant deadline) {
        var creator = sessions.of(a.member());
        List<UserId> approvers = route.stream().map(DemoCompanies.Person::id).toList();
        ContractProgress progress = ContractProgress.draft(form, List.of(PartyStep.sender(a.id(), approvers,
                signer.id()), PartyStep.counterparty(b.id(), b.member().id())), deadline);
        StoredContract k = drafts.create(creator, progress, data);
        return drafts.attachMain(creator, k.id(), k.revision(), pdf);
    }

    private StoredContract submit(StoredContract k) {
        return act(k, a.member(), LifecycleCommand.SUBMIT);
    }

    private StoredContract act(StoredContract k, DemoCompanies.Person who, LifecycleCommand command) {
        return workflow.act(sessions.of(who), k.id(), k.revision(), command, null);
    }

    /** The 受注者's 担当者 names its approval route and signer once the contract reaches it. */
    private StoredContract route(StoredContract k, List<DemoCompanies.Person> route, DemoCompanies.Person signer) {
        return workflow.setPartyRoute(sessions.of(b.member()), k.id(), k.revision(),
                route.stream().map(DemoCompanies.Person::id).toList(), signer.id());
    }

    /** Signs the current version with the signer's demo PKCS#12 (B-T with the DEMO TSA) and uploads it. */
    private StoredContract sign(StoredContract k, DemoCompanies.Person who) {
        DemoSigners.Signer signer = signers.get(who.id());
        var caller = sessions.of(who);
        byte[] current = queries.mainDocument(caller, k.id());
        SignatureRequest request = SignatureRequest.timestamped(DemoSigners.KEY_ALIAS, ctx.demoTrust().timestamps())
                .withInfo(new SignatureAppearanceInfo(who.name(), "契約締結のため（DEMO）", "SiteSign DEMO"));
        try {
            byte[] signed = new PadesSigner(ctx.clock()).sign(current, new Pkcs12KeySource(signer.p12()),
                    what -> signer.pin().toCharArray(), request);
            return workflow.sign(caller, k.id(), k.revision(), k.mainDocument(), signed,
                    signer.p12().getFileName().toString());
        } catch (SigningException e) {
            throw new IllegalStateException("the demo signature of " + who.id() + " failed: " + e.getMessage(), e);
        }
    }

    private String nextNumber() {
        return String.format("DEMO-%d-%03d", today.getYear(), ++sequence);
    }

    private void note(StoredContract k) {
        note(k, null);
    }

    /**
     * Lists the contract with its status in the words the app shows ({@link ContractStatusWord}, the one catalogue),
     * naming the person whose turn it is: the printout is read by both companies, so it says no 自社 or 相手方.
     */
    private void note(StoredContract k, DemoCompanies.Person awaiting) {
        Map<UserId, String> names = new java.util.HashMap<>();
        for (DemoCompanies.Company c : List.of(a, b)) {
            c.people().forEach(p -> names.put(p.id(), p.name()));
        }
        String status = ContractStatusWord.describe(k.progress(), k.creator(), null, names::get).ja();
        seeded.add(new Seeded(k.data().managementNumber(), status, k.data().title(), awaiting));
    }
}
