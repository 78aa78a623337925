package jp.sitesign.desktop.contracts;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.OutboxState;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.ContractStatusWord;
import jp.sitesign.model.contract.ContractTurn;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.partnership.Partnership;
import jp.sitesign.model.sync.ContractSnapshot;

/** How the contract screens write values: yen, status labels, company names, the local-change badge. */
final class ContractTexts {
    private final ResourceBundle bundle;
    private final Language language;
    private final Map<String, String> companyNames;
    private final Map<String, String> people = new java.util.HashMap<>();

    ContractTexts(ResourceBundle bundle, List<Partnership> partnerships) {
        this.bundle = bundle;
        this.language = Language.of(bundle);
        this.companyNames = partnerships.stream().collect(Collectors.toMap(p -> p.counterpartyId().value(),
                p -> p.counterpartyName() == null ? p.counterpartyId().value() : p.counterpartyName(), (a, b) -> a,
                java.util.HashMap::new));
    }

    /**
     * With the partners' names, the user's own company's (as the login named it) and the colleagues' names
     * the store knows (the company directory).
     */
    static ContractTexts of(ResourceBundle bundle, jp.sitesign.desktop.store.StoreSession store,
            List<Partnership> partnerships) {
        ContractTexts texts = new ContractTexts(bundle, partnerships);
        if (store.company() != null) {
            store.companyName().ifPresent(name -> texts.companyNames.put(store.company().value(), name));
        }
        store.partnerPeople().values().forEach(p -> texts.know(p.id(), p.name()));
        for (jp.sitesign.model.user.UserView u : store.users()) {
            texts.know(u.id(), u.name());
        }
        return texts;
    }

    private void know(String id, String name) {
        if (name != null && !name.isBlank()) {
            people.put(id, name);
        }
    }

    /**
     * One document version in words: 「契約書PDF・2ページ・署名済み（相手先株式会社）・2026/12/07 08:32」 — its name, pages,
     * why it exists (uploaded, signed by which party, sealed, archive timestamp) and when; never the raw reason code.
     */
    String document(ContractSnapshot k, ContractSnapshot.DocumentRef d, jp.sitesign.desktop.ui.DateDisplay dates) {
        String name = d.name() == null ? bundle.getString("contracts.detail.mainDocument") : d.name();
        return java.text.MessageFormat.format(bundle.getString("contracts.document.line"), name, d.pages(),
                documentReason(k, d.reason()), dates.dateTime(d.createdAt()));
    }

    /** Why a document version exists, in words (the server's reason codes: UPLOADED, SIGNED_BY_PARTY_n …). */
    String documentReason(ContractSnapshot k, String reason) {
        if (reason == null) {
            return bundle.getString("contracts.document.reason.other");
        }
        java.util.regex.Matcher signed = java.util.regex.Pattern.compile("SIGNED_BY_PARTY_(\\d{1,2})").matcher(reason);
        if (signed.matches()) {
            int party = Integer.parseInt(signed.group(1)) - 1;
            String who = party >= 0 && party < k.parties().size() ? company(k.parties().get(party).companyId()) : "";
            return java.text.MessageFormat.format(bundle.getString("contracts.document.reason.signed"), who);
        }
        return switch (reason) {
            case "UPLOADED" -> bundle.getString("contracts.document.reason.uploaded");
            case "SEALED_BY_SENDER" -> bundle.getString("contracts.document.reason.sealed");
            case "ARCHIVE_TIMESTAMP" -> bundle.getString("contracts.document.reason.archived");
            default -> bundle.getString("contracts.document.reason.other");
        };
    }

    /**
     * A user by name where the store knows them, else by id (another company's users); another company's
     * approver, whom the server does not name, in words.
     */
    String person(String userId) {
        if (userId != null && userId.equals(jp.sitesign.model.user.UserId.WITHHELD.value())) {
            return bundle.getString("contracts.withheldApprover");
        }
        if (userId != null && userId.equals(jp.sitesign.model.user.UserId.SERVER_SEAL.value())) {
            // 送付のみ an integration application sent: the server's seal stands for the sender (ADR 34).
            return bundle.getString("contracts.serverSeal");
        }
        return userId == null ? "" : people.getOrDefault(userId, userId);
    }

    String status(ContractStatus s) {
        return s == null ? bundle.getString("contracts.status.any") : language.pick(s.labelJa(), s.labelEn());
    }

    /**
     * A contract's status with whose turn it is, in common-model's words ({@link ContractStatusWord#describe}):
     * 「承認待ち（自社・佐藤 花子）」, 「署名待ち（相手方）」. A person is named only where the store knows their name
     * (the own company's directory); another company's people are not.
     */
    String status(ContractSnapshot k, String ownCompany) {
        ContractStatusWord.Text t = ContractStatusWord.describe(k.progress(),
                k.creatorId() == null ? null : new UserId(k.creatorId()),
                ownCompany == null ? null : new CompanyId(ownCompany), u -> people.get(u.value()));
        return language.pick(t.ja(), t.en());
    }

    /** What the contract waits for from the user (要対応), in common-model's words. */
    String task(ContractTurn.Task task) {
        ContractStatusWord w = ContractStatusWord.of(task);
        return language.pick(w.ja(), w.en());
    }

    /** ¥1,234,567（税込）; empty when the contract names no amount. */
    String amount(Long yen, boolean taxIncluded) {
        if (yen == null) {
            return "";
        }
        return "¥" + NumberFormat.getIntegerInstance(Locale.JAPAN).format(yen)
                + bundle.getString(taxIncluded ? "contracts.taxIncluded" : "contracts.taxExcluded");
    }

    /** How many days away a deadline is shown without its year. */
    static final int NEAR_DAYS = 180;

    /** A deadline as the list shows it: 「12/20（あと13日）」, and whether it has passed while someone still had to act. */
    record Deadline(String text, boolean overdue) {
        static final Deadline NONE = new Deadline("", false);
    }

    /**
     * The signing deadline ({@code deadline} is the exclusive end of its day in Japan) against {@code today}: the
     * days left only while the contract waits for an approval or a signature (a draft's or a finished contract's
     * deadline counts down nothing); the day alone within {@link #NEAR_DAYS} of today.
     */
    Deadline deadline(java.time.Instant deadline, ContractStatus status, java.time.LocalDate today) {
        if (deadline == null) {
            return Deadline.NONE;
        }
        java.time.LocalDate day = deadline.minusSeconds(1).atZone(jp.sitesign.model.time.JapanTime.ZONE).toLocalDate();
        // The month and day while the deadline is near (also across New Year); the year only when it is far.
        boolean near = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(today, day)) <= NEAR_DAYS;
        String date = java.time.format.DateTimeFormatter.ofPattern(near ? "M/d" : "yyyy/M/d").format(day);
        if (status != ContractStatus.IN_APPROVAL && status != ContractStatus.AWAITING_SIGNATURE) {
            return new Deadline(date, false);
        }
        long left = java.time.temporal.ChronoUnit.DAYS.between(today, day);
        if (left < 0) {
            return new Deadline(jp.sitesign.desktop.ui.I18n.format(bundle, "contracts.deadline.overdue", date, -left), true);
        }
        return new Deadline(left == 0 ? jp.sitesign.desktop.ui.I18n.format(bundle, "contracts.deadline.today", date)
                : jp.sitesign.desktop.ui.I18n.format(bundle, "contracts.deadline.left", date, left), false);
    }

    /** The company's name where a partnership names it, else its id. */
    String company(String id) {
        return id == null ? "" : companyNames.getOrDefault(id, id);
    }

    /** The other side as the viewer sees it (the same rule as the search's 取引先). */
    String counterparty(ContractSnapshot k, String ownCompany) {
        String other = k.senderId().equals(ownCompany) ? k.counterpartyId() : k.senderId();
        return company(other);
    }

    /** 要対応 (refused or in conflict), 未送信 (waiting for the server), 未同期の変更, or empty. */
    String badge(LocalContract k) {
        if (k.pending().stream().anyMatch(e -> e.state().needsAttention())) {
            return bundle.getString("contracts.badge.attention");
        }
        if (k.pending().stream().anyMatch(e -> e.state() == OutboxState.PENDING)) {
            return bundle.getString("contracts.badge.pending");
        }
        return k.locallyChanged() ? bundle.getString("contracts.badge.changed") : "";
    }

    String reason(String ja, String en) {
        return language.pick(ja, en);
    }

    String error(SiteSignException e) {
        return UserMessages.of(e, language);
    }

    String error(ErrorCode code, String ja, String en) {
        if (ja != null || en != null) {
            return language.pick(ja, en);
        }
        return code == null ? "" : language.pick(code.messageJa(), code.messageEn());
    }
}
