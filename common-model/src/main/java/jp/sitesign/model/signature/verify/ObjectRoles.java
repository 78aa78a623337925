package jp.sitesign.model.signature.verify;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each indirect object of a signed revision is for — the catalog, page 2, page 2's content
 * stream, a font page 2 uses, an annotation, a form field — so a change to it can be named and judged.
 * Found by walking the catalog, the page tree, the pages' resources and annotations, the form and the
 * document security store; an object reached first in one role keeps it.
 */
final class ObjectRoles {
    enum Kind { CATALOG, PAGE_TREE, PAGE, PAGE_CONTENT, PAGE_RESOURCE, ANNOTATIONS, ANNOTATION, FORM, FIELDS, FIELD,
        SIGNATURE, SECURITY_STORE }

    /** @param page 1-based, or {@code null}; @param name a field name, resource name or annotation subtype */
    record Role(Kind kind, Integer page, String name) {
    }

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final int MAX_FIELD_DEPTH = 20;
    private static final List<String> RESOURCE_CATEGORIES =
            List.of("Font", "XObject", "ExtGState", "ColorSpace", "Pattern", "Shading", "Properties");

    private final Map<COSObjectKey, Role> roles = new HashMap<>();
    private COSObjectKey catalogKey;
    private int pages;

    static ObjectRoles of(PDDocument document) {
        ObjectRoles roles = new ObjectRoles();
        COSBase root = document.getDocument().getTrailer().getItem(COSName.ROOT);
        roles.catalogKey = CosComparison.keyOf(root);
        roles.put(root, Kind.CATALOG, null, null);
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        roles.walkPageTree(catalog.getItem(COSName.PAGES), 0);
        roles.walkForm(catalog.getItem(COSName.ACRO_FORM));
        roles.walkSecurityStore(catalog.getItem(DSS));
        return roles;
    }

    Role roleOf(COSObjectKey key) {
        return roles.getOrDefault(key, null);
    }

    COSObjectKey catalogKey() {
        return catalogKey;
    }

    private void put(COSBase raw, Kind kind, Integer page, String name) {
        COSObjectKey key = CosComparison.keyOf(raw);
        if (key != null) {
            roles.putIfAbsent(key, new Role(kind, page, name));
        }
    }

    private void walkPageTree(COSBase raw, int depth) {
        if (!(CosComparison.resolve(raw) instanceof COSDictionary node) || depth > MAX_FIELD_DEPTH) {
            return;
        }
        if (node.getCOSArray(COSName.KIDS) != null || COSName.PAGES.equals(node.getCOSName(COSName.TYPE))) {
            put(raw, Kind.PAGE_TREE, null, null);
            put(node.getItem(COSName.KIDS), Kind.PAGE_TREE, null, null);
            COSArray kids = node.getCOSArray(COSName.KIDS);
            for (int i = 0; kids != null && i < kids.size(); i++) {
                walkPageTree(kids.get(i), depth + 1);
            }
            return;
        }
        int page = ++pages;
        put(raw, Kind.PAGE, page, null);
        walkContents(node.getItem(COSName.CONTENTS), page);
        walkResources(node.getItem(COSName.RESOURCES), page);
        walkAnnotations(node.getItem(COSName.ANNOTS), page);
    }

    private void walkContents(COSBase raw, int page) {
        put(raw, Kind.PAGE_CONTENT, page, "/Contents");
        if (CosComparison.resolve(raw) instanceof COSArray streams) {
            for (int i = 0; i < streams.size(); i++) {
                put(streams.get(i), Kind.PAGE_CONTENT, page, "/Contents");
            }
        }
    }

    private void walkResources(COSBase raw, int page) {
        put(raw, Kind.PAGE_RESOURCE, page, "/Resources");
        if (!(CosComparison.resolve(raw) instanceof COSDictionary resources)) {
            return;
        }
        for (String category : RESOURCE_CATEGORIES) {
            COSBase entries = resources.getItem(COSName.getPDFName(category));
            put(entries, Kind.PAGE_RESOURCE, page, "/Resources /" + category);
            if (CosComparison.resolve(entries) instanceof COSDictionary named) {
                for (COSName name : named.keySet()) {
                    put(named.getItem(name), Kind.PAGE_RESOURCE, page, "/" + category + " /" + name.getName());
                }
            }
        }
    }

    private void walkAnnotations(COSBase raw, int page) {
        put(raw, Kind.ANNOTATIONS, page, null);
        if (CosComparison.resolve(raw) instanceof COSArray annotations) {
            for (int i = 0; i < annotations.size(); i++) {
                COSBase annotation = annotations.get(i);
                String subtype = CosComparison.resolve(annotation) instanceof COSDictionary d
                        ? d.getNameAsString(COSName.SUBTYPE) : null;
                put(annotation, Kind.ANNOTATION, page, subtype);
            }
        }
    }

    private void walkForm(COSBase raw) {
        put(raw, Kind.FORM, null, null);
        if (CosComparison.resolve(raw) instanceof COSDictionary form) {
            put(form.getItem(COSName.FIELDS), Kind.FIELDS, null, null);
            walkFields(form.getCOSArray(COSName.FIELDS), null, 0);
        }
    }

    private void walkFields(COSArray fields, String parentName, int depth) {
        for (int i = 0; fields != null && depth < MAX_FIELD_DEPTH && i < fields.size(); i++) {
            if (!(CosComparison.resolve(fields.get(i)) instanceof COSDictionary field)) {
                continue;
            }
            String partial = field.getString(COSName.T);
            String name = partial == null ? parentName : parentName == null ? partial : parentName + "." + partial;
            put(fields.get(i), Kind.FIELD, null, name);
            put(field.getItem(COSName.V), COSName.SIG.equals(field.getCOSName(COSName.FT)) ? Kind.SIGNATURE : Kind.FIELD,
                    null, name);
            walkFields(field.getCOSArray(COSName.KIDS), name, depth + 1);
        }
    }

    private void walkSecurityStore(COSBase raw) {
        put(raw, Kind.SECURITY_STORE, null, null);
        if (CosComparison.resolve(raw) instanceof COSDictionary dss) {
            for (COSName name : dss.keySet()) {
                put(dss.getItem(name), Kind.SECURITY_STORE, null, null);
            }
        }
    }
}
