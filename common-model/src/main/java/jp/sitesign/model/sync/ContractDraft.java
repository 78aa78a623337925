package jp.sitesign.model.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ConstructionTerms;
import jp.sitesign.model.contract.ContractData;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;

/**
 * A draft as a client writes it, for creating and editing: the REST body and the payload of the
 * {@code CREATE_DRAFT} and {@code EDIT_DRAFT} commands. The sender is always the writer's own company;
 * {@link #progress} and {@link #data} turn it into the domain, refusing malformed input with a field
 * error in Japanese and English, so the desktop app's local draft and the server agree on what is valid.
 */
public record ContractDraft(Long revision, ContractForm form, String managementNumber, String title,
        LocalDate transactionDate, Long amountYen, Boolean taxIncluded, Boolean construction,
        Map<ConstructionItem, String> terms, String note, String originalId, List<Counterparty> counterparties,
        List<String> route, String signer, Instant deadline) {

    /** A counterparty and its receiving user (担当者). */
    public record Counterparty(String companyId, String receiverId) {
    }

    /** The same draft, now based on another revision. */
    public ContractDraft withRevision(Long newRevision) {
        return new ContractDraft(newRevision, form, managementNumber, title, transactionDate, amountYen, taxIncluded,
                construction, terms, note, originalId, counterparties, route, signer, deadline);
    }

    /** What the draft says. */
    public ContractData data() {
        try {
            return new ContractData(managementNumber, title, transactionDate, amountYen,
                    Boolean.TRUE.equals(taxIncluded), Boolean.TRUE.equals(construction),
                    new ConstructionTerms(terms == null ? Map.of() : terms), note, originalId);
        } catch (IllegalArgumentException e) {
            throw DraftMessage.CONSTRUCTION_ITEM_TOO_LONG.exception(ConstructionTerms.MAX_ITEM_LENGTH);
        }
    }

    /** Who takes part, in order, with the sender's route and signer; the sender is {@code own}. */
    public ContractProgress progress(CompanyId own) {
        return progress(own, false);
    }

    /**
     * {@link #progress(CompanyId)}, written by an integration application when {@code byApplication}: an application
     * cannot sign, so a 送付のみ draft of its that names no signer is sealed by the server instead
     * ({@link UserId#SERVER_SEAL}, ADR 34). Whether it may is the policy's {@code SEND_UNDER_SEAL}.
     */
    public ContractProgress progress(CompanyId own, boolean byApplication) {
        if (form == null) {
            throw DraftMessage.FORM_MISSING.exception();
        }
        List<PartyStep> parties = new ArrayList<>();
        boolean noSigner = signer == null || signer.isBlank();
        UserId senderSigner = !noSigner ? user("signer", signer)
                : byApplication && form == ContractForm.SEND_ONLY ? UserId.SERVER_SEAL : null;
        parties.add(PartyStep.sender(own, users(route, "route"), senderSigner));
        for (Counterparty cp : counterparties == null ? List.<Counterparty>of() : counterparties) {
            if (cp == null || !CompanyId.isValid(cp.companyId())) {
                throw DraftMessage.COUNTERPARTY_ID_MISSING.exception();
            }
            parties.add(PartyStep.counterparty(new CompanyId(cp.companyId()), user("receiverId", cp.receiverId())));
        }
        if (parties.size() > form.maxParties()) {
            throw DraftMessage.TOO_MANY_PARTIES.exception(form.labelJa(), form.labelEn(), form.maxParties());
        }
        try {
            return ContractProgress.draft(form, parties, deadline);
        } catch (IllegalArgumentException e) {
            if (parties.stream().anyMatch(p -> p.route().stream().anyMatch(UserId::isServerSeal)
                    || p.signer() != null && p.signer().isServerSeal())) {
                throw DraftMessage.SEAL_NOT_SEND_ONLY_SIGNER.exception(UserId.SERVER_SEAL);
            }
            throw DraftMessage.PARTY_TWICE.exception();
        }
    }

    /** The draft a client would send to edit {@code k} unchanged: the starting point of an editor. */
    public static ContractDraft of(ContractSnapshot k) {
        List<Counterparty> counterparties = k.parties().stream().skip(1)
                .map(p -> new Counterparty(p.companyId(), p.receiverId())).toList();
        ContractSnapshot.Party sender = k.parties().get(0);
        return new ContractDraft(k.revision(), k.form(), k.managementNumber(), k.title(), k.transactionDate(),
                k.amountYen(), k.taxIncluded(), k.construction(), k.terms(), k.note(), k.originalId(), counterparties,
                sender.route(), sender.signerId(), k.deadline());
    }

    private static List<UserId> users(List<String> ids, String field) {
        List<UserId> out = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            out.add(user(field, id));
        }
        return out;
    }

    private static UserId user(String field, String value) {
        return UserId.parse(field, value);
    }
}
