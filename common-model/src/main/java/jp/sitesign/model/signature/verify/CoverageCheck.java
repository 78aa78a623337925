package jp.sitesign.model.signature.verify;

import jp.sitesign.model.signature.verify.ObjectRoles.Role;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed after a signature: every object of the signed revision (the file cut at the end of the
 * signature's byte range) is compared with the same object in the final document. A rewritten object
 * is allowed only where a later signature, a document timestamp or {@code /DSS} explains it — the
 * catalog gaining {@code /DSS}, the form's field list and a page's annotation list gaining a later
 * signature's field and widget, an empty signature field being signed. Anything else is a
 * modification after signing, named by what the object is for (page, content stream, font, field).
 * New objects matter only through a rewritten object that refers to them, so they need no check of their own
 * — except an object the signed revision referred to without defining it: that reference read as null when
 * it was signed, and now shows whatever the update put there, though no signed object was rewritten.
 */
final class CoverageCheck {
    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName SIG_FLAGS = COSName.getPDFName("SigFlags");
    private static final Set<COSName> SKIPPED_TYPES = Set.of(COSName.XREF, COSName.OBJ_STM);

    private final PDDocument signed;
    private final PDDocument last;
    private final ObjectRoles roles;
    /** The later signatures' dictionaries in the final document, by identity. */
    private final Set<COSDictionary> laterSignatures = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Change> changes = new LinkedHashSet<>();
    /** Every object number the signed revision's objects refer to. */
    private final Set<COSObjectKey> referenced = new HashSet<>();

    private CoverageCheck(PDDocument signed, PDDocument last, List<SignatureField> later) {
        this.signed = signed;
        this.last = last;
        this.roles = ObjectRoles.of(signed);
        for (SignatureField field : later) {
            laterSignatures.add(field.dictionary());
        }
    }

    /**
     * @param signed the signature's revision, parsed on its own
     * @param last   the final document
     * @param later  the signatures and document timestamps added after this one
     */
    static List<Change> changes(PDDocument signed, PDDocument last, List<SignatureField> later) {
        CoverageCheck check = new CoverageCheck(signed, last, later);
        for (SignatureField field : later) {
            check.changes.add(new Change(field.kind() == SignatureKind.DOCUMENT_TIMESTAMP
                    ? ChangeKind.DOCUMENT_TIMESTAMP : ChangeKind.LATER_SIGNATURE, null, field.fieldName()));
        }
        check.compareAll();
        return List.copyOf(check.changes);
    }

    private void compareAll() {
        COSObjectKey lastRoot = CosComparison.keyOf(last.getDocument().getTrailer().getItem(COSName.ROOT));
        if (roles.catalogKey() != null && !roles.catalogKey().equals(lastRoot)) {
            changes.add(new Change(ChangeKind.CATALOG_CHANGED, null, "the document catalog was replaced"));
        }
        // Sorted so the report lists changes in a stable order.
        for (COSObjectKey key : new TreeMap<>(signed.getDocument().getXrefTable()).keySet()) {
            COSBase before = resolve(signed, key);
            if (before == null || before instanceof COSDictionary d && isSkipped(d.getCOSName(COSName.TYPE))) {
                continue;
            }
            collectReferences(before);
            COSBase after = resolve(last, key);
            if (!CosComparison.same(before, after)) {
                judge(key, before, after);
            }
        }
        compareFilledReferences();
    }

    private void collectReferences(COSBase object) {
        if (object instanceof COSObject reference) {
            referenced.add(reference.getKey());
        } else if (object instanceof COSDictionary dictionary) {
            dictionary.getValues().forEach(this::collectReferences);
        } else if (object instanceof COSArray array) {
            array.forEach(this::collectReferences);
        }
    }

    private void compareFilledReferences() {
        Set<COSObjectKey> defined = signed.getDocument().getXrefTable().keySet();
        Set<COSObjectKey> definedNow = last.getDocument().getXrefTable().keySet();
        for (COSObjectKey key : new TreeSet<>(referenced)) {
            COSBase now = definedNow.contains(key) && !defined.contains(key) ? resolve(last, key) : null;
            if (now != null && !(now instanceof COSNull)) {
                changes.add(new Change(ChangeKind.OBJECT_CHANGED, null,
                        objectName(key) + ", referred to but missing when signed, was added"));
            }
        }
    }

    /** Cross-reference and object streams are file structure, not content. */
    private static boolean isSkipped(COSName type) {
        return type != null && SKIPPED_TYPES.contains(type);
    }

    private static COSBase resolve(PDDocument document, COSObjectKey key) {
        COSObject object = document.getDocument().getObjectFromPool(key);
        return object == null ? null : object.getObject();
    }

    private void judge(COSObjectKey key, COSBase before, COSBase after) {
        Role role = roles.roleOf(key);
        ObjectRoles.Kind kind = role == null ? null : role.kind();
        if (after != null && kind != null && before instanceof COSDictionary b && after instanceof COSDictionary a) {
            switch (kind) {
                case CATALOG -> {
                    judgeCatalog(b, a);
                    return;
                }
                case PAGE -> {
                    judgePage(role.page(), key, b, a);
                    return;
                }
                case FORM -> {
                    judgeForm(b, a);
                    return;
                }
                case SECURITY_STORE -> {
                    changes.add(new Change(ChangeKind.VALIDATION_DATA, null, "/DSS"));
                    return;
                }
                case ANNOTATION, FIELD -> {
                    if (emptySignatureFieldSigned(b, a)) {
                        return;
                    }
                }
                default -> {
                }
            }
        }
        if (after != null && before instanceof COSArray b && after instanceof COSArray a) {
            if (kind == ObjectRoles.Kind.ANNOTATIONS) {
                judgeAnnotations(role.page(), b, a);
                return;
            }
            if (kind == ObjectRoles.Kind.FIELDS) {
                judgeFields(b, a);
                return;
            }
            if (kind == ObjectRoles.Kind.SECURITY_STORE) {
                changes.add(new Change(ChangeKind.VALIDATION_DATA, null, "/DSS"));
                return;
            }
        }
        changes.add(describe(key, role, before, after));
    }

    private void judgeCatalog(COSDictionary before, COSDictionary after) {
        for (COSName name : CosComparison.differingKeys(before, after)) {
            if (DSS.equals(name)) {
                changes.add(new Change(ChangeKind.VALIDATION_DATA, null, "/DSS"));
            } else if (COSName.ACRO_FORM.equals(name) && isDictionaryOrAbsent(before.getItem(name))
                    && after.getDictionaryObject(name) instanceof COSDictionary form) {
                COSBase old = CosComparison.resolve(before.getItem(name));
                judgeForm(old instanceof COSDictionary d ? d : new COSDictionary(), form);
            } else if (COSName.PAGES.equals(name)) {
                changes.add(new Change(ChangeKind.PAGES_CHANGED, null, "/Pages"));
            } else {
                changes.add(new Change(ChangeKind.CATALOG_CHANGED, null, "/" + name.getName()));
            }
        }
    }

    private static boolean isDictionaryOrAbsent(COSBase raw) {
        return raw == null || CosComparison.resolve(raw) instanceof COSDictionary;
    }

    private void judgePage(int page, COSObjectKey key, COSDictionary before, COSDictionary after) {
        for (COSName name : CosComparison.differingKeys(before, after)) {
            if (COSName.ANNOTS.equals(name)) {
                judgeAnnotations(page, array(before.getDictionaryObject(name)), array(after.getDictionaryObject(name)));
            } else {
                changes.add(new Change(ChangeKind.PAGE_CONTENT_CHANGED, page, "/" + name.getName() + " " + objectName(key)));
            }
        }
    }

    private void judgeForm(COSDictionary before, COSDictionary after) {
        for (COSName name : CosComparison.differingKeys(before, after)) {
            if (COSName.FIELDS.equals(name)) {
                judgeFields(array(before.getDictionaryObject(name)), array(after.getDictionaryObject(name)));
            } else if (!SIG_FLAGS.equals(name)) {
                changes.add(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "/AcroForm /" + name.getName()));
            }
        }
    }

    /** Entries may only be added, and only later signatures' widgets. */
    private void judgeAnnotations(Integer page, COSArray before, COSArray after) {
        ListDiff diff = ListDiff.of(before, after);
        for (COSBase removed : diff.removed()) {
            changes.add(new Change(ChangeKind.ANNOTATION_CHANGED, page, "removed " + describeEntry(removed)));
        }
        for (COSBase added : diff.added()) {
            if (!isLaterSignatureWidget(CosComparison.resolve(added))) {
                changes.add(new Change(ChangeKind.ANNOTATION_ADDED, page, describeEntry(added)));
            }
        }
    }

    /** Fields may only be added, and only later signatures' fields. */
    private void judgeFields(COSArray before, COSArray after) {
        ListDiff diff = ListDiff.of(before, after);
        for (COSBase removed : diff.removed()) {
            changes.add(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "removed " + describeEntry(removed)));
        }
        for (COSBase added : diff.added()) {
            if (!isLaterSignatureField(CosComparison.resolve(added))) {
                changes.add(new Change(ChangeKind.FORM_FIELD_CHANGED, null, "added " + describeEntry(added)));
            }
        }
    }

    /** An empty signature field that a later signature filled in: only /V (and the widget's /AP) are new. */
    private boolean emptySignatureFieldSigned(COSDictionary before, COSDictionary after) {
        if (before.containsKey(COSName.V) || !isLaterSignatureField(after)) {
            return false;
        }
        Set<COSName> differing = CosComparison.differingKeys(before, after);
        differing.remove(COSName.V);
        differing.remove(COSName.AP);
        return differing.isEmpty();
    }

    private boolean isLaterSignatureWidget(COSBase annotation) {
        if (!(annotation instanceof COSDictionary widget) || !COSName.WIDGET.equals(widget.getCOSName(COSName.SUBTYPE))) {
            return false;
        }
        return isLaterSignatureField(widget.containsKey(COSName.FT) ? widget : widget.getDictionaryObject(COSName.PARENT));
    }

    private boolean isLaterSignatureField(COSBase candidate) {
        return candidate instanceof COSDictionary field
                && COSName.SIG.equals(field.getCOSName(COSName.FT))
                && field.getDictionaryObject(COSName.V) instanceof COSDictionary value
                && laterSignatures.contains(value);
    }

    private Change describe(COSObjectKey key, Role role, COSBase before, COSBase after) {
        String state = after == null ? "removed " : "";
        if (role == null) {
            String type = before instanceof COSDictionary d && d.getCOSName(COSName.TYPE) != null
                    ? " /" + d.getCOSName(COSName.TYPE).getName() : "";
            return new Change(ChangeKind.OBJECT_CHANGED, null, state + objectName(key) + type);
        }
        String name = role.name() == null ? "" : role.name() + " ";
        ChangeKind kind = switch (role.kind()) {
            case CATALOG -> ChangeKind.CATALOG_CHANGED;
            case PAGE_TREE -> ChangeKind.PAGES_CHANGED;
            case PAGE, PAGE_CONTENT, PAGE_RESOURCE -> ChangeKind.PAGE_CONTENT_CHANGED;
            case ANNOTATIONS, ANNOTATION -> ChangeKind.ANNOTATION_CHANGED;
            case FORM, FIELDS, FIELD -> ChangeKind.FORM_FIELD_CHANGED;
            case SIGNATURE, SECURITY_STORE -> ChangeKind.OBJECT_CHANGED;
        };
        String what = role.kind() == ObjectRoles.Kind.SIGNATURE ? "signature dictionary of " + name : name;
        return new Change(kind, role.page(), state + what + objectName(key));
    }

    private String describeEntry(COSBase raw) {
        COSBase entry = CosComparison.resolve(raw);
        StringBuilder text = new StringBuilder();
        if (entry instanceof COSDictionary d) {
            if (d.getCOSName(COSName.SUBTYPE) != null) {
                text.append('/').append(d.getCOSName(COSName.SUBTYPE).getName()).append(' ');
            }
            if (d.getString(COSName.T) != null) {
                text.append('\'').append(d.getString(COSName.T)).append("' ");
            }
        }
        COSObjectKey key = CosComparison.keyOf(raw);
        return (text + (key == null ? "(direct object)" : objectName(key))).trim();
    }

    private static String objectName(COSObjectKey key) {
        return "(object " + key.getNumber() + " " + key.getGeneration() + ")";
    }

    private static COSArray array(COSBase value) {
        return value instanceof COSArray array ? array : new COSArray();
    }

    /** Entries of a list by object number (direct entries by value): which were removed, which added. */
    private record ListDiff(List<COSBase> removed, List<COSBase> added) {
        static ListDiff of(COSArray before, COSArray after) {
            List<COSBase> removed = new ArrayList<>();
            List<COSBase> added = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                if (!contains(after, before.get(i))) {
                    removed.add(before.get(i));
                }
            }
            for (int i = 0; i < after.size(); i++) {
                if (!contains(before, after.get(i))) {
                    added.add(after.get(i));
                }
            }
            return new ListDiff(removed, added);
        }

        private static boolean contains(COSArray array, COSBase entry) {
            for (int i = 0; i < array.size(); i++) {
                if (CosComparison.same(array.get(i), entry)) {
                    return true;
                }
            }
            return false;
        }
    }
}
