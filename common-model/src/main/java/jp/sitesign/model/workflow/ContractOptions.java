package jp.sitesign.model.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.sitesign.model.contract.ContractLifecycle;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.LifecycleDenial;
import jp.sitesign.model.policy.AccessPolicy;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.policy.ContractResource;
import jp.sitesign.model.policy.Decision;
import jp.sitesign.model.user.UserId;

/**
 * Every workflow command a user could give on a contract, each with whether this user may give it now and,
 * if not, why — the lifecycle's reason first (the contract's state), else the policy's (who may act).
 * This is what the desktop app enables its buttons from, with the reason as tooltip; it asks the same
 * two decisions the server enforces, so a button enabled here is a command the server accepts.
 */
public final class ContractOptions {
    /** The commands a user gives, in the order buttons show them. */
    public static final List<LifecycleCommand> USER_COMMANDS = List.of(LifecycleCommand.EDIT,
            LifecycleCommand.SUBMIT, LifecycleCommand.SET_PARTY_ROUTE, LifecycleCommand.APPROVE,
            LifecycleCommand.RETURN, LifecycleCommand.SIGN, LifecycleCommand.ACKNOWLEDGE, LifecycleCommand.WITHDRAW,
            LifecycleCommand.DECLINE, LifecycleCommand.DELETE);

    private ContractOptions() {
    }

    /** One command's verdict for this user. */
    public record Option(LifecycleCommand command, boolean allowed, String code, String reasonJa, String reasonEn) {
    }

    /**
     * @param creator            who created the contract (drafts are the creator's)
     * @param signerHasAuthority whether the signer on turn holds 署名権限 now (as far as the caller knows)
     */
    public static List<Option> of(Actor actor, ContractProgress p, UserId creator, boolean signerHasAuthority,
            Instant now) {
        Objects.requireNonNull(actor, "actor");
        ContractResource resource = ContractResource.of(p, creator, signerHasAuthority);
        var available = ContractLifecycle.available(p, now);
        List<Option> out = new ArrayList<>();
        for (LifecycleCommand c : USER_COMMANDS) {
            if (!available.contains(c)) {
                LifecycleDenial why = lifecycleReason(p, c, now);
                out.add(new Option(c, false, why.name(), why.reasonJa(), why.reasonEn()));
                continue;
            }
            Decision d = AccessPolicy.decide(actor, ContractVerbs.action(c), resource);
            out.add(d.allowed() ? new Option(c, true, Decision.ALLOWED_CODE, null, null)
                    : new Option(c, false, d.code(), d.reasonJa(), d.reasonEn()));
        }
        return out;
    }

    /** The verdict for one command. */
    public static Option of(Actor actor, ContractProgress p, UserId creator, boolean signerHasAuthority, Instant now,
            LifecycleCommand command) {
        return of(actor, p, creator, signerHasAuthority, now).stream().filter(o -> o.command() == command)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(command + " is not a user's command"));
    }

    private static LifecycleDenial lifecycleReason(ContractProgress p, LifecycleCommand c, Instant now) {
        if (ContractLifecycle.isFinal(p.status())) {
            return LifecycleDenial.FINAL;
        }
        if (c == LifecycleCommand.SET_PARTY_ROUTE) {
            return LifecycleDenial.ALREADY_SET_UP;
        }
        if (c == LifecycleCommand.RETURN) {
            return p.status() != ContractStatus.IN_APPROVAL ? LifecycleDenial.NOT_IN_APPROVAL
                    : LifecycleDenial.PARTY_NOT_SET_UP;
        }
        LifecycleDenial d = ContractLifecycle.apply(p, c, now).denial();
        return d == null ? LifecycleDenial.FINAL : d;
    }
}
