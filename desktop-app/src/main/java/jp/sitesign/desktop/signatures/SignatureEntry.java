package jp.sitesign.desktop.signatures;

import java.util.List;

/**
 * One signature or document timestamp as the panel shows it, already in the user's language.
 *
 * @param number    1-based, in the order they were added to the document
 * @param timestamp whether this is a document timestamp rather than a person's signature
 * @param light     the traffic light
 * @param verdict   the light in words ("有効" …), so colour is never the only sign
 * @param heading   who: the signer's name and company, or the time-stamping authority
 * @param when      when, in JST, and whether a timestamp proves it
 * @param lines     the plain-language findings: intact, trusted, timestamp, what changed after
 */
public record SignatureEntry(int number, boolean timestamp, SignatureLight light, String verdict, String heading,
        String when, List<String> lines) {

    public SignatureEntry {
        lines = List.copyOf(lines);
    }
}
