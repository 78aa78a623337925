package jp.sitesign.model.signature.pdf;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Refuses to sign a document whose certification (DocMDP) signature allows no changes (P = 1).
 * P = 2 (form filling and signing) and P = 3 allow another signature.
 */
public final class DocMdpCheck {
    private static final COSName DOC_MDP = COSName.getPDFName("DocMDP");

    private DocMdpCheck() {
    }

    public static void requireSignable(PDDocument document) throws SigningException {
        if (docMdpPermission(document) == 1) {
            throw new SigningException(SigningError.DOCUMENT_LOCKED);
        }
    }

    /** The certification signature's P value (1–3), or 0 if the document is not certified. */
    static int docMdpPermission(PDDocument document) {
        COSDictionary perms = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        COSDictionary signature = perms == null ? null : perms.getCOSDictionary(DOC_MDP);
        COSArray references = signature == null ? null : signature.getCOSArray(COSName.REFERENCE);
        if (references == null) {
            return 0;
        }
        for (int i = 0; i < references.size(); i++) {
            if (references.getObject(i) instanceof COSDictionary reference
                    && DOC_MDP.equals(reference.getCOSName(COSName.TRANSFORM_METHOD))) {
                COSDictionary params = reference.getCOSDictionary(COSName.TRANSFORM_PARAMS);
                return params == null ? 2 : params.getInt(COSName.P, 2);
            }
        }
        return 0;
    }
}
