package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which failures a batch remembers (the ones that would repeat, and could lock the token), which it lets the
 * next document try again, and that closing the batch is what logs out. The source under the batch is a real
 * PKCS#12 file behind a source that can first fail the way a token does.
 */
class BatchKeySourceRulesTest {
    private static final String PASSWORD = "rules-secret";

    @TempDir
    static Path dir;
    static Path p12;

    @BeforeAll
    static void key() {
        p12 = Pkcs12Files.write(dir.resolve("rules.p12"), TestCa.create("SiteSign Batch Rules CA"),
                TestCa.ecKeyPair("secp256r1"), "rules", "Batch Rules Signer", PASSWORD);
    }

    /** Opens the PKCS#12 file, after failing with the queued errors first; counts opens and logouts. */
    static final class FlakySource implements SigningKeySource {
        final Deque<SigningError> failures = new ArrayDeque<>();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public String description() {
            return "rules.p12";
        }

        @Override
        public KeySession open(PinCallback pin) throws SigningException {
            opened.incrementAndGet();
            if (!failures.isEmpty()) {
                throw new SigningException(failures.poll(), "rules.p12", "reason");
            }
            KeySession real = new Pkcs12KeySource(p12).open(pin);
            return new KeySession() {
                @Override
                public List<String> aliases() throws SigningException {
                    return real.aliases();
                }

                @Override
                public SigningKey key(String alias) throws SigningException {
                    return real.key(alias);
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                    real.close();
                }
            };
        }
    }

    @Test
    void theBatchIsDescribedByItsSource() {
        assertThat(new BatchKeySource(new Pkcs12KeySource(p12)).description()).isEqualTo("rules.p12");
    }

    @Test
    void aLockedPinAndACancelledPromptAreNotTriedAgainInTheSameBatch() {
        for (SigningError error : new SigningError[] {SigningError.PIN_LOCKED, SigningError.PIN_CANCELLED}) {
            FlakySource source = new FlakySource();
            source.failures.add(error);
            try (BatchKeySource batch = new BatchKeySource(source)) {
                for (int i = 0; i < 3; i++) {
                    assertThatThrownBy(() -> batch.open(what -> PASSWORD.toCharArray()))
                            .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.error()).isEqualTo(error));
                }
            }
            assertThat(source.opened).as(error.name()).hasValue(1);
        }
    }

    @Test
    void aTokenThatWasNotConnectedYetIsTriedAgainForTheNextDocument() throws SigningException {
        FlakySource source = new FlakySource();
        source.failures.add(SigningError.TOKEN_NOT_FOUND);
        try (BatchKeySource batch = new BatchKeySource(source)) {
            assertThatThrownBy(() -> batch.open(what -> PASSWORD.toCharArray()))
                    .isInstanceOfSatisfying(SigningException.class,
                            e -> assertThat(e.error()).isEqualTo(SigningError.TOKEN_NOT_FOUND));

            try (KeySession session = batch.open(what -> PASSWORD.toCharArray())) {
                assertThat(session.aliases()).containsExactly("rules");
            }
        }
        assertThat(source.opened).hasValue(2);
    }

    @Test
    void documentsShareOneLoginAndOnlyClosingTheBatchLogsOut() throws SigningException {
        FlakySource source = new FlakySource();
        BatchKeySource batch = new BatchKeySource(source);
        for (int i = 0; i < 3; i++) {
            try (KeySession session = batch.open(what -> PASSWORD.toCharArray())) {
                assertThat(session.key("rules").certificate().getSubjectX500Principal().getName())
                        .contains("Batch Rules Signer");
            }
        }
        assertThat(source.opened).hasValue(1);
        assertThat(source.closed).as("closing a document's session keeps the login").hasValue(0);

        batch.close();
        batch.close();

        assertThat(source.closed).as("the batch logs out once").hasValue(1);
    }
}
