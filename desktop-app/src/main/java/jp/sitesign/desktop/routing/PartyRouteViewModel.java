package jp.sitesign.desktop.routing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.desktop.ui.UserMessages;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.contract.ContractLifecycle;
import jp.sitesign.model.contract.LifecycleCommand;
import jp.sitesign.model.contract.LifecycleDenial;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.policy.Actor;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.user.UserId;
import jp.sitesign.model.user.UserStatus;
import jp.sitesign.model.user.UserView;
import jp.sitesign.model.workflow.ContractOptions;

/**
 * A counterparty's 担当者 (or an admin of that company) names the company's approval route, in order, and its
 * signer when the contract reaches them (DESIGN §2, {@link LifecycleCommand#SET_PARTY_ROUTE}). People are
 * chosen from the company directory the store holds (ADR 10); only those with 署名権限 are offered as signer.
 * Whether the user may do it now is {@link ContractOptions}' answer, the same the server enforces; saving
 * queues one SET_PARTY_ROUTE command on the shown revision.
 */
public final class PartyRouteViewModel {
    private final StoreSession store;
    private final Runnable commandSaved;
    private final Clock clock;
    private final Language language;
    private final ResourceBundle bundle;

    private final ObservableList<UserView> route = FXCollections.observableArrayList();
    private final ObjectProperty<UserView> signer = new SimpleObjectProperty<>(this, "signer");
    private final ReadOnlyBooleanWrapper allowed = new ReadOnlyBooleanWrapper(this, "allowed", false);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private ContractSnapshot contract;

    public PartyRouteViewModel(StoreSession store, Runnable commandSaved, Clock clock, Language language,
            ResourceBundle bundle) {
        this.store = store;
        this.commandSaved = commandSaved;
        this.clock = clock;
        this.language = language;
        this.bundle = bundle;
    }

    /** Shows contract {@code id} as this computer knows it; says why if this user cannot set the route now. */
    public void load(String id) {
        contract = store.contracts().current(id).map(k -> k.current()).orElse(null);
        route.clear();
        signer.set(null);
        message.set("");
        if (contract == null) {
            allowed.set(false);
            error.set(bundle.getString("routing.notFound"));
            return;
        }
        heading.set(java.text.MessageFormat.format(bundle.getString("routing.heading"),
                contract.title() == null ? "" : contract.title()));
        Optional<String> why = refusal();
        allowed.set(why.isEmpty());
        error.set(why.orElse(""));
    }

    private Optional<String> refusal() {
        Optional<UserView> self = store.user(store.user().value());
        if (self.isEmpty()) {
            return Optional.of(bundle.getString("routing.notSynced"));
        }
        UserView u = self.get();
        Actor actor = new Actor(store.user(), new CompanyId(u.companyId()), u.role(), u.status(), CompanyStatus.ACTIVE,
                u.locked());
        ContractOptions.Option o = ContractOptions.of(actor, contract.progress(), new UserId(contract.creatorId()),
                true, clock.instant(), LifecycleCommand.SET_PARTY_ROUTE);
        return o.allowed() ? Optional.empty() : Optional.of(language.pick(o.reasonJa(), o.reasonEn()));
    }

    /** Active colleagues in the company directory, by name kana: whom the route can name. */
    public List<UserView> approverOptions() {
        String own = store.company().value();
        return store.users().stream().filter(u -> u.status() == UserStatus.ACTIVE && own.equals(u.companyId()))
                .toList();
    }

    /** Only colleagues with 署名権限 can sign. */
    public List<UserView> signerOptions() {
        return approverOptions().stream().filter(UserView::signingAuthority).toList();
    }

    public void addApprover(UserView user) {
        if (user != null && route.stream().noneMatch(u -> u.id().equals(user.id()))) {
            route.add(user);
        }
    }

    public void moveApproverUp(int index) {
        if (index > 0 && index < route.size()) {
            route.add(index - 1, route.remove(index));
        }
    }

    public void removeApprover(int index) {
        if (index >= 0 && index < route.size()) {
            route.remove(index);
        }
    }

    /**
     * Queues SET_PARTY_ROUTE with the route in its order and the signer, after the lifecycle's own check (a
     * signer is required, nobody twice on the route); a refusal says why and queues nothing.
     *
     * @return whether the command was queued
     */
    public boolean save() {
        message.set("");
        if (contract == null || !allowed.get()) {
            return false;
        }
        UserView chosen = signer.get();
        if (chosen != null && !chosen.signingAuthority()) {
            error.set(bundle.getString("routing.signerWithoutAuthority"));
            return false;
        }
        List<UserId> ids = route.stream().map(u -> new UserId(u.id())).toList();
        LifecycleDenial denial = ContractLifecycle.setPartyRoute(contract.progress(), ids,
                chosen == null ? null : new UserId(chosen.id())).denial();
        if (denial != null) {
            error.set(language.pick(denial.reasonJa(), denial.reasonEn()));
            return false;
        }
        try {
            store.outbox().append(Command.partyRoute(contract.id(), contract.revision(),
                    route.stream().map(UserView::id).toList(), chosen.id()));
        } catch (SiteSignException e) {
            error.set(UserMessages.of(e, language));
            return false;
        }
        commandSaved.run();
        error.set("");
        allowed.set(false);
        message.set(bundle.getString("routing.queued"));
        return true;
    }

    public ObservableList<UserView> route() {
        return route;
    }

    public ObjectProperty<UserView> signerProperty() {
        return signer;
    }

    /** Whether this user may set the route now (and has not just done so). */
    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
