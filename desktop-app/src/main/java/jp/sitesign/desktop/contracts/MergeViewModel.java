package jp.sitesign.desktop.contracts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import jp.sitesign.desktop.store.StoreSession;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.model.contract.ConstructionItem;
import jp.sitesign.model.contract.ContractFields;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.sync.Command;
import jp.sitesign.model.sync.ContractDraft;
import jp.sitesign.model.time.JapanTime;

/**
 * Merges a draft edit that came back as a conflict: for each field in which the user's draft and the
 * server's current revision differ, the user takes theirs (the default) or their own; the merged draft is
 * checked with {@link ContractFields} like the editor's and queued as one edit of the server's current
 * revision (the path "keep mine" takes), and the conflict is dismissed.
 */
public final class MergeViewModel {

    /** The parts of a draft the user chooses between; amount and tax flag go together, so do route and signer. */
    public enum Kind { NUMBER, TITLE, DATE, AMOUNT, COUNTERPARTIES, CONSTRUCTION, TERM, NOTE, ROUTE, DEADLINE }

    /** One differing field: its name, both values as text, the choice (default theirs) and the result. */
    public static final class Field {
        private final Kind kind;
        private final ConstructionItem item;
        private final String label;
        private final String mine;
        private final String theirs;
        private final BooleanProperty useMine = new SimpleBooleanProperty(this, "useMine", false);
        private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result");

        Field(Kind kind, ConstructionItem item, String label, String mine, String theirs) {
            this.kind = kind;
            this.item = item;
            this.label = label;
            this.mine = mine;
            this.theirs = theirs;
            result.bind(javafx.beans.binding.Bindings.when(useMine).then(mine).otherwise(theirs));
        }

        public Kind kind() {
            return kind;
        }

        /** The construction item of a {@link Kind#TERM}, else null. */
        public ConstructionItem item() {
            return item;
        }

        public String label() {
            return label;
        }

        public String mine() {
            return mine;
        }

        public String theirs() {
            return theirs;
        }

        public BooleanProperty useMineProperty() {
            return useMine;
        }

        public ReadOnlyStringProperty resultProperty() {
            return result.getReadOnlyProperty();
        }
    }

    private final StoreSession store;
    private final Runnable commandSaved;
    private final Runnable merged;
    private final ResourceBundle bundle;
    private final ContractTexts texts;
    private final Command.EditDraft conflicted;
    private final ContractDraft mine;
    private final ContractDraft theirs;
    private final List<Field> fields;
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    /**
     * @param merged runs once the merged draft is queued and the conflict dismissed (the conflicts tab drops
     *               the card)
     */
    MergeViewModel(StoreSession store, Runnable commandSaved, Runnable merged, ResourceBundle bundle,
            ContractTexts texts, Command.EditDraft conflicted, ContractDraft theirs) {
        this.store = store;
        this.commandSaved = commandSaved;
        this.merged = merged;
        this.bundle = bundle;
        this.texts = texts;
        this.conflicted = conflicted;
        this.mine = conflicted.draft();
        this.theirs = theirs;
        this.fields = List.copyOf(differences());
    }

    private List<Field> differences() {
        List<Field> out = new ArrayList<>();
        add(out, Kind.NUMBER, "contracts.column.number", ContractDraft::managementNumber, ContractDraft::managementNumber);
        add(out, Kind.TITLE, "contracts.column.title", ContractDraft::title, ContractDraft::title);
        add(out, Kind.DATE, "contracts.column.date", ContractDraft::transactionDate, d -> str(d.transactionDate()));
        add(out, Kind.AMOUNT, "contracts.column.amount", d -> List.of(nz(d.amountYen()), Boolean.TRUE.equals(d.taxIncluded())),
                d -> texts.amount(d.amountYen(), Boolean.TRUE.equals(d.taxIncluded())));
        add(out, Kind.COUNTERPARTIES, "contracts.column.counterparty", d -> list(d.counterparties()),
                d -> String.join("、", list(d.counterparties()).stream()
                        .map(c -> texts.company(c.companyId()) + "（" + nz(c.receiverId()) + "）").toList()));
        add(out, Kind.CONSTRUCTION, "editor.construction", d -> Boolean.TRUE.equals(d.construction()),
                d -> bundle.getString(Boolean.TRUE.equals(d.construction()) ? "merge.yes" : "merge.no"));
        for (ConstructionItem item : ConstructionItem.values()) {
            Function<ContractDraft, String> term = d -> d.terms() == null ? "" : blankToEmpty(d.terms().get(item));
            if (!term.apply(mine).equals(term.apply(theirs))) {
                out.add(new Field(Kind.TERM, item, texts.reason(item.labelJa(), item.labelEn()), term.apply(mine),
                        term.apply(theirs)));
            }
        }
        add(out, Kind.NOTE, "conflicts.note", d -> blankToEmpty(d.note()), d -> blankToEmpty(d.note()));
        add(out, Kind.ROUTE, "merge.route", d -> List.of(list(d.route()), nz(d.signer())),
                d -> String.join(" → ", list(d.route()).stream().map(texts::person).toList())
                        + (d.signer() == null ? ""
                                : "（" + bundle.getString("routing.signer") + "：" + texts.person(d.signer()) + "）"));
        add(out, Kind.DEADLINE, "merge.deadline", ContractDraft::deadline, d -> deadline(d.deadline()));
        return out;
    }

    private void add(List<Field> out, Kind kind, String key, Function<ContractDraft, Object> value,
            Function<ContractDraft, String> text) {
        if (!Objects.equals(norm(value.apply(mine)), norm(value.apply(theirs)))) {
            out.add(new Field(kind, null, bundle.getString(key), nz(text.apply(mine)), nz(text.apply(theirs))));
        }
    }

    /** Null and empty text are the same value (the editor saves a blank field as null). */
    private static Object norm(Object o) {
        return o instanceof String s && s.isBlank() ? null : o;
    }

    /** The draft as chosen: the server's current revision with the fields the user took from theirs own. */
    public ContractDraft merged() {
        Map<ConstructionItem, String> terms = new EnumMap<>(ConstructionItem.class);
        for (ConstructionItem item : ConstructionItem.values()) {
            Field f = field(Kind.TERM, item);
            Map<ConstructionItem, String> from = (f != null && f.useMine.get() ? mine : theirs).terms();
            String value = from == null ? null : from.get(item);
            if (value != null && !value.isBlank()) {
                terms.put(item, value);
            }
        }
        ContractDraft n = pick(Kind.NUMBER);
        ContractDraft t = pick(Kind.TITLE);
        ContractDraft d = pick(Kind.DATE);
        ContractDraft a = pick(Kind.AMOUNT);
        ContractDraft c = pick(Kind.COUNTERPARTIES);
        ContractDraft k = pick(Kind.CONSTRUCTION);
        ContractDraft o = pick(Kind.NOTE);
        ContractDraft r = pick(Kind.ROUTE);
        ContractDraft l = pick(Kind.DEADLINE);
        return new ContractDraft(theirs.revision(), theirs.form(), n.managementNumber(), t.title(), d.transactionDate(),
                a.amountYen(), a.taxIncluded(), k.construction(), terms, o.note(), theirs.originalId(),
                c.counterparties(), r.route(), r.signer(), l.deadline());
    }

    private ContractDraft pick(Kind kind) {
        Field f = field(kind, null);
        return f != null && f.useMine.get() ? mine : theirs;
    }

    private Field field(Kind kind, ConstructionItem item) {
        return fields.stream().filter(f -> f.kind == kind && f.item == item).findFirst().orElse(null);
    }

    /**
     * Checks the merged draft like the editor does and queues it as an edit of the server's current revision;
     * the conflict is dismissed. A draft the checks refuse is not queued and the reason shows in
     * {@link #errorProperty()}.
     */
    public boolean save() {
        error.set("");
        ContractDraft draft = merged();
        try {
            ContractFields.validate(draft.data());
            store.outbox().append(Command.editDraft(conflicted.entityId(), theirs.revision(), draft));
        } catch (SiteSignException e) {
            error.set(texts.error(e));
            return false;
        }
        store.outbox().dismiss(conflicted.id());
        commandSaved.run();
        merged.run();
        return true;
    }

    /** The differing fields, in the editor's order. */
    public List<Field> fields() {
        return fields;
    }

    public String heading() {
        return I18n.format(bundle, "merge.heading", nz(theirs.title()));
    }

    public StringProperty errorProperty() {
        return error;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static String deadline(Instant end) {
        // Deadlines are stored as the exclusive end of a day in Japan: shown as that day.
        return end == null ? "" : end.minusSeconds(1).atZone(JapanTime.ZONE).toLocalDate().toString();
    }

    private static String blankToEmpty(String s) {
        return s == null || s.isBlank() ? "" : s;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Object nz(Long v) {
        return v == null ? "" : v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
