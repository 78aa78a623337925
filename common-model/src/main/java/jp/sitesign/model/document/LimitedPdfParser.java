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
 * decodes it; every object it parses counts against the time; and the objects this document declares are
 * counted — cross-reference entries (PDFBox keeps a table entry for each) and, apart from them, the members of
 * the object streams it unpacks (each becomes an object in memory).
 */
final class LimitedPdfParser extends PDFParser {
    private final SafePdf reading;
    /** The object streams whose objects were counted. */
    private final Set<Long> unpacked = new HashSet<>();
    private long entries;
    private long entriesInStreams;
    private long members;

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
            // Entries of cross-reference streams were counted as they were decoded; a table's are counted here.
            countEntries(Math.max(0, document.getXrefTable().size() - entriesInStreams));
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
            members += Math.max(0, s.getInt(COSName.N, 0));
            if (members > reading.limits().maxObjects()) {
                throw reading.tooManyObjects();
            }
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
            long inStream = StreamLimit.checkParsed(stream, reading);
            entriesInStreams += inStream;
            countEntries(inStream);
        } finally {
            source.seek(position);
        }
        return stream;
    }

    private void countEntries(long count) {
        entries += count;
        if (entries > reading.limits().maxObjects()) {
            throw reading.tooManyObjects();
        }
    }
}
