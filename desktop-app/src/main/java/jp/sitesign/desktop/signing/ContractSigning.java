package jp.sitesign.desktop.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.desktop.signing.seal.SealPlacement;
import jp.sitesign.desktop.signing.seal.SealStamp;
import jp.sitesign.desktop.store.LocalContract;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.appearance.VisibleSignature;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.SigningKeySource;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.signature.verify.SignedVersionCheck;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.user.UserView;
import jp.sitesign.model.workflow.ContractOptions;

/**
 * Signs the current version of a contract on this computer, online or offline: checks that the user is
 * the signer on turn (the same lifecycle and policy the server asks), signs the PDF with the user's own key
 * (token or PKCS#12; the PIN goes to the key and nowhere else), checks the result exactly as the server will
 * ({@link SignedVersionCheck} against the server's trust anchors), keeps the signed PDF and queues the SIGN
 * command naming the version it was made from and the token or file the key was in. If that version is no longer current when the command
 * reaches the server, it comes back as "sign again".
 */
public final class ContractSigning {
    private final StoreSession store;
    private final DocumentSource documents;
    private final List<X509Certificate> trustAnchors;
    private final Clock clock;

    /** Where the current PDF comes from when this computer lacks it (the sync engine's fetch). */
    @FunctionalInterface
    public interface DocumentSource {
        byte[] fetch(String contractId, String sha256);
    }

    public ContractSigning(StoreSession store, DocumentSource documents, List<X509Certificate> trustAnchors,
            Clock clock) {
        this.store = store;
        this.documents = documents;
        this.trustAnchors = List.copyOf(trustAnchors);
        this.clock = clock;
    }

    /** The signature made, as verified, and the queued command. */
    public record Signed(String contractId, String baseSha256, String signedSha256, SignatureReport signature,
            UUID commandId) {
    }

    public Signed sign(String contractId, SigningKeySource key, PinCallback pin, SignatureRequest request)
            throws SigningException {
        return sign(contractId, key, pin, request, (SealPlacement) null);
    }

    /**
     * Signs with the seal at {@code seal} (or invisibly if {@code null}): the seal's stamp, name and title are
     * the signed-in user's own, whatever the request carried.
     */
    public Signed sign(String contractId, SigningKeySource key, PinCallback pin, SignatureRequest request,
            SealPlacement seal) throws SigningException {
        return sign(contractId, key, pin, request, SealRule.at(seal));
    }

    /**
     * Signs with the seal where {@code seal} puts it on this contract's document (一括署名: each document its own
     * place by one rule), decided only after the checks that the user is the signer on turn.
     */
    public Signed sign(String contractId, SigningKeySource key, PinCallback pin, SignatureRequest request,
            SealRule seal) throws SigningException {
        LocalContract k = contract(contractId);
        ContractOptions.Option option = ContractOptions.of(actor(), k.current().progress(),
                new jp.sitesign.model.user.UserId(k.current().creatorId()), true, clock.instant(),
                LifecycleCommand.SIGN);
        if (!option.allowed()) {
            throw new SiteSignException(ErrorCode.FORBIDDEN, option.reasonJa(), option.reasonEn());
        }
        if (!self().signingAuthority()) {
            throw DesktopMessage.NO_SIGNING_AUTHORITY.exception();
        }
        String base = k.current().mainDocument();
        byte[] pdf = document(contractId, base);
        SealPlacement placement = seal.placement(pdf).orElse(null);
        SignatureRequest withSeal = placement == null ? request : request.withAppearance(visible(placement));
        byte[] signed = new PadesSigner(clock).sign(pdf, key, pin, withSeal);
        SignatureReport report = new SignedVersionCheck(new PadesVerifier(trustAnchors, clock)).check(pdf, signed);
        String sha = store.blobs().put(signed);
        // The token label or file name goes to the audit log with the signature; the PIN never leaves the key.
        Command command = Command.sign(contractId, k.current().revision(), sha, base, key.description());
        store.outbox().append(command);
        return new Signed(contractId, base, sha, report, command.id());
    }

    /** The PDF that signing {@code contractId} now would sign (fetched if this computer lacks it). */
    public byte[] currentDocument(String contractId) {
        return document(contractId, contract(contractId).current().mainDocument());
    }

    private byte[] document(String contractId, String sha256) {
        return store.blobs().get(sha256).orElseGet(() -> documents.fetch(contractId, sha256));
    }

    private LocalContract contract(String contractId) {
        return store.contracts().current(contractId)
                .orElseThrow(() -> DesktopMessage.CONTRACT_NOT_ON_THIS_COMPUTER.exception(contractId));
    }

    /**
     * The seal as a signature with {@code seal} would draw it (the signed-in user's stamp, name and title), for
     * the dialog's preview.
     */
    public VisibleSignature appearance(SealPlacement seal) {
        return visible(seal);
    }

    private VisibleSignature visible(SealPlacement seal) {
        UserView u = self();
        String title = u.title() == null || u.title().isBlank() ? null : u.title();
        return new VisibleSignature(seal.pageNumber(), seal.x(), seal.y(), seal.width(), seal.height(),
                SealStamp.png(u.name(), seal.font()), u.name(), seal.companyName(), title, seal.font());
    }

    private UserView self() {
        return store.user(store.user().value()).orElseThrow(DesktopMessage.ACCOUNT_NOT_SYNCED::exception);
    }

    private Actor actor() {
        UserView u = self();
        return new Actor(store.user(), new CompanyId(u.companyId()), u.role(), u.status(), CompanyStatus.ACTIVE, false);
    }
}
