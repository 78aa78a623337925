package jp.sitesign.model.signature.verify;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;

/** Reads the signature fields that hold a signature, in the order they were signed (by where their revision ends). */
final class PdfSignatures {
    private static final COSName DOC_TIME_STAMP = COSName.getPDFName("DocTimeStamp");
    private static final String RFC3161 = "ETSI.RFC3161";

    private PdfSignatures() {
    }

    static List<SignatureField> read(PDDocument document) {
        List<SignatureField> fields = new ArrayList<>();
        for (PDSignatureField field : document.getSignatureFields()) {
            PDSignature signature = field.getSignature();
            if (signature == null) {
                continue;
            }
            boolean timestamp = DOC_TIME_STAMP.equals(signature.getCOSObject().getCOSName(COSName.TYPE))
                    || RFC3161.equals(signature.getSubFilter());
            Calendar m = signature.getSignDate();
            fields.add(new SignatureField(field.getFullyQualifiedName(),
                    timestamp ? SignatureKind.DOCUMENT_TIMESTAMP : SignatureKind.SIGNATURE,
                    signature.getByteRange(), signature.getContents(), m == null ? null : m.toInstant(),
                    field.getCOSObject(), signature.getCOSObject()));
        }
        fields.sort(Comparator.comparingLong(SignatureField::signedEnd));
        return fields;
    }
}
