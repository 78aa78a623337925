package jp.sitesign.model.error;

import java.util.Objects;

/**
 * One message of a per-feature catalogue enum ({@code ContractMessage}, {@code SyncMessage} …): an error code and
 * a Japanese and an English text with {@code %s} placeholders, kept together so a wording is changed in one place
 * and the two languages cannot drift apart. The enum only holds its {@link Texts}; filling them in and raising
 * the refusal is done here once instead of in every catalogue.
 */
public interface CataloguedMessage {

    /** The constant's name, as every enum has it, to say which message is being misused. */
    String name();

    /** The code and the two texts of this message. */
    Texts texts();

    /** The code the refusal carries, or null for a label that is never raised on its own. */
    default ErrorCode code() {
        return texts().code();
    }

    /** The Japanese text with {@code args} filled in. */
    default String ja(Object... args) {
        return String.format(texts().ja(), args);
    }

    /** The English text with {@code args} filled in. */
    default String en(Object... args) {
        return String.format(texts().en(), args);
    }

    /** The refusal with this message's code and both texts, {@code args} filled in. */
    default SiteSignException exception(Object... args) {
        return new SiteSignException(Objects.requireNonNull(code(), () -> name() + " is a label, not a refusal"),
                ja(args), en(args));
    }

    /**
     * A message's code (null for a label) and its texts; where the languages need different arguments (a label
     * in each language) the placeholders are numbered, Japanese first.
     */
    record Texts(ErrorCode code, String ja, String en) {
        public Texts {
            Objects.requireNonNull(ja, "ja");
            Objects.requireNonNull(en, "en");
        }
    }
}
