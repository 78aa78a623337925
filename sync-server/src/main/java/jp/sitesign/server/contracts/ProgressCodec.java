package jp.sitesign.server.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.contract.ContractForm;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.PartyStep;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.http.JsonMapper;

/**
 * The workflow progress as the JSON stored in clear in the contracts row: ids, statuses and positions
 * only. The return comment is contract content and travels sealed with it ({@link ContractRepository}).
 */
final class ProgressCodec {
    private static final ObjectMapper JSON = JsonMapper.create();

    private ProgressCodec() {
    }

    static String write(ContractProgress p) {
        List<Party> parties = p.parties().stream().map(s -> new Party(s.company().value(),
                s.receiver() == null ? null : s.receiver().value(), s.route().stream().map(UserId::value).toList(),
                s.signer() == null ? null : s.signer().value(), s.signed())).toList();
        try {
            return JSON.writeValueAsString(new Progress(p.form(), p.status(), parties, p.currentParty(),
                    p.routePosition(), p.deadline()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContractProgress read(String json, String returnComment) {
        try {
            Progress p = JSON.readValue(json, Progress.class);
            List<PartyStep> parties = p.parties().stream().map(s -> new PartyStep(new CompanyId(s.company()),
                    s.receiver() == null ? null : new UserId(s.receiver()),
                    s.route().stream().map(UserId::new).toList(), s.signer() == null ? null : new UserId(s.signer()),
                    s.signed())).toList();
            return new ContractProgress(p.form(), p.status(), parties, p.currentParty(), p.routePosition(),
                    p.deadline(), returnComment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contract progress is unreadable", e);
        }
    }

    record Party(String company, String receiver, List<String> route, String signer, boolean signed) {
    }

    record Progress(ContractForm form, ContractStatus status, List<Party> parties, int currentParty, int routePosition,
            Instant deadline) {
    }
}
