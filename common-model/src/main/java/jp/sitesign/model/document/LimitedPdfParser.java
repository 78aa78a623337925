package jp.sitesign.model.document;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdfparser.PDFParser;

/**
 * PDFBox's parser with {@link SafePdf}'s limits at the points where it reads: every stream it parses (the
 * cross-reference streams and object streams it decodes during parsing included) is measured before anything
 * decodes it; every object it parses counts against the time; objects are counted as the cross-reference
 * data and object streams declare them.
 */
final class LimitedPdfParser extends PDFParser {
    private final SafePdf reading;
    /** The object streams whose objects were counted. */
    private final Set<Long> unpacked = new HashSet<>();

    LimitedPdfParser(RandomAccessRead source, StreamCacheCreateFunction scratch, SafePdf reading) throws IOException {
        super(source, "", null, null, scratch);
        this.reading = reading;
    }

    /**
     * The cross-reference data as written. In lenient mode PDFBox rebuilds it by scanning the file when it does
     * not fit, and that scan decodes every object stream it finds without passing {@link #parseCOSStream}.
     */
    @Override
    protected COSDictionary retrieveTrailer() throws IOException {
        setLenient(false);
        try {
            COSDictionary trailer = super.retrieveTrailer();
            reading.countObjects(document.getXrefTable().size());
            return trailer;
        } finally {
            setLenient(true);
        }
    }

    @Override
    protected void prepareDecryption() throws IOException {
        if (document.getTrailer() != null && document.getTrailer().containsKey(COSName.ENCRYPT)) {
            throw new EncryptedPdfException();
        }
        super.prepareDecryption();
    }

    /** An object the cross-reference data does not list is null; PDFBox would search the whole file for it. */
    @Override
    protected synchronized COSBase parseObjectDynamically(COSObjectKey key, boolean requireExisting)
            throws IOException {
        reading.checkLimits();
        if (!document.getXrefTable().containsKey(key)) {
            return null;
        }
        return super.parseObjectDynamically(key, requireExisting);
    }

    /** PDFBox unpacks whatever stream the cross-reference data names, so it is checked as it is used. */
    @Override
    protected COSBase parseObjectStreamObject(long objectStream, COSObjectKey key) throws IOException {
        reading.checkLimits();
        if (unpacked.add(objectStream)
                && document.getObjectFromPool(new COSObjectKey(objectStream, 0)).getObject() instanceof COSStream s) {
            long position = source.getPosition();
            try {
                StreamLimit.checkObjectStream(s, reading);
            } finally {
                source.seek(position);
            }
        }
        return super.parseObjectStreamObject(objectStream, key);
    }

    @Override
    protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
        COSStream stream = super.parseCOSStream(dictionary);
        // Reading the stream's data moves the shared source; the caller goes on from here (to "endobj").
        long position = source.getPosition();
        try {
            StreamLimit.checkParsed(stream, reading);
        } finally {
            source.seek(position);
        }
        return stream;
    }
}
