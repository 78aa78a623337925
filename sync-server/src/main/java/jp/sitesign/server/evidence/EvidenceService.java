package jp.sitesign.server.evidence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.company.Company;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.evidence.EvidenceRules;
import jp.sitesign.model.evidence.EvidenceStatement;
import jp.sitesign.model.signature.timestamp.TimestampSource;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.server.accounts.CompanyRepository;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.contracts.ContractService;
import jp.sitesign.server.contracts.StoredContract;
import jp.sitesign.server.seal.Sealer;
import jp.sitesign.server.seal.ServerSeal;
import jp.sitesign.server.storage.Database;

/**
 * Hands a party of a completed contract its evidence package (issue 15, ADR 24). Who may have it is the
 * contract's document access (common-model's policy, through {@link jp.sitesign.server.contracts.ContractQueries#mainDocument}, which also
 * audits the download); whether it exists is {@link EvidenceRules}. Packages are built on demand and kept by
 * the contract PDF's hash and the viewer's company, so a renewed archive timestamp yields a new package.
 */
public final class EvidenceService {
    private final Database db;
    private final ContractService contracts;
    private final CompanyRepository companies;
    private final AuditLog audit;
    private final EvidenceBuilder builder;
    private final EvidenceCache cache;

    /**
     * @param seal the server's seal, or null when none is configured
     * @param tsa  the server's TSA, or null when none is configured
     */
    public EvidenceService(Database db, ContractService contracts, CompanyRepository companies, AuditLog audit,
            ServerSeal seal, TimestampSource tsa, ServerConfig config, Clock clock) {
        this.db = db;
        this.contracts = contracts;
        this.companies = companies;
        this.audit = audit;
        this.builder = seal == null || tsa == null ? null : new EvidenceBuilder(
                new PadesVerifier(contracts.queries().trustAnchors(), clock, config.pdfLimits()),
                new Sealer(seal, tsa, clock), clock);
        this.cache = new EvidenceCache(config.getPositiveInt("evidence.cache-mb") * 1024L * 1024L);
    }

    /** A package to download: a file name for it and the ZIP. */
    public record Download(String fileName, byte[] zip) {
    }

    public Download download(Caller caller, String id) {
        StoredContract k = contracts.queries().get(caller, id);
        EvidenceRules.availability(k.progress()).ifPresent(r -> {
            throw new SiteSignException(ErrorCode.CONFLICT, r.reasonJa(), r.reasonEn());
        });
        if (builder == null) {
            throw EvidenceMessage.NOT_CONFIGURED.exception();
        }
        byte[] pdf = contracts.queries().mainDocument(caller, id, "evidence");
        CompanyId viewer = caller.user().companyId();
        byte[] zip = cache.get(EvidenceCache.key(id, Digests.sha256Hex(pdf), viewer.value()),
                () -> builder.build(subject(k), pdf, events(k, viewer), viewer));
        return new Download(fileName(k), zip);
    }

    private EvidenceBuilder.Subject subject(StoredContract k) {
        List<EvidenceStatement.Party> parties = new ArrayList<>();
        List<PartyStep> steps = k.progress().parties();
        for (int i = 0; i < steps.size(); i++) {
            CompanyId company = steps.get(i).company();
            String name = db.read(c -> companies.find(c, company)).map(Company::name).orElse(company.value());
            parties.add(new EvidenceStatement.Party(i + 1, company.value(), name));
        }
        return new EvidenceBuilder.Subject(k.id(), k.data().managementNumber(), k.data().title(), parties);
    }

    private List<AuditEvent> events(StoredContract k, CompanyId viewer) {
        List<String> parties = k.progress().parties().stream().map(p -> p.company().value()).distinct().toList();
        return audit.aboutTarget(parties, k.id()).stream()
                .filter(e -> EvidenceRules.shows(viewer, e.companyId(), e.action())).toList();
    }

    private static String fileName(StoredContract k) {
        String number = k.data().managementNumber() == null ? k.id() : k.data().managementNumber();
        return "evidence-" + number.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip";
    }
}
