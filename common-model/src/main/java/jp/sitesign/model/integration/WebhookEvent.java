package jp.sitesign.model.integration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.sitesign.model.contract.ContractProgress;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.contract.LifecycleCommand;

/**
 * What an integration application can hear about a contract by webhook (issue 13), and which of them a
 * lifecycle step raises: the one place that maps the workflow to the events, for the server and the docs.
 */
public enum WebhookEvent {
    /** The contract reached a counterparty it had not reached before (送付). */
    SENT("contract.sent"),
    APPROVED("contract.approved"),
    /** 差戻し: back to the sender. */
    RETURNED("contract.returned"),
    /** A party signed, or the sender's organisation seal was applied to a 送付のみ contract (ADR 34). */
    SIGNED("contract.signed"),
    /** 締結済: every party signed, or a 送付のみ contract's receipt was acknowledged. */
    COMPLETED("contract.completed"),
    DECLINED("contract.declined"),
    WITHDRAWN("contract.withdrawn"),
    EXPIRED("contract.expired");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> fromWire(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    @JsonCreator
    public static WebhookEvent parse(String name) {
        return fromWire(name).orElseThrow(() -> new IllegalArgumentException("unknown event " + name));
    }

    /** The events {@code command} raised by taking the contract from {@code before} to {@code after}, in order. */
    public static List<WebhookEvent> raisedBy(LifecycleCommand command, ContractProgress before,
            ContractProgress after) {
        List<WebhookEvent> events = new ArrayList<>();
        switch (command) {
            case APPROVE -> events.add(APPROVED);
            case RETURN -> events.add(RETURNED);
            case SIGN, SEAL -> events.add(SIGNED);
            case DECLINE -> events.add(DECLINED);
            case WITHDRAW -> events.add(WITHDRAWN);
            case EXPIRE -> events.add(EXPIRED);
            default -> {
                // SUBMIT, EDIT, DELETE, SET_PARTY_ROUTE, ACKNOWLEDGE raise only what follows from the new state
            }
        }
        if (!before.reached().containsAll(after.reached())) {
            events.add(SENT);
        }
        if (after.status() == ContractStatus.COMPLETED && before.status() != ContractStatus.COMPLETED) {
            events.add(COMPLETED);
        }
        return events;
    }
}
