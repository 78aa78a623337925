package jp.sitesign.model.signature.timestamp;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The client names itself by its TSA URL: that is what messages and the archive-renewal log show. */
class Rfc3161ClientNameTest {

    @Test
    void theNameIsTheTsaUrl() {
        URI url = URI.create("http://tsa.example:8080/rfc3161?profile=a");

        assertThat(new Rfc3161Client(url).name()).isEqualTo("http://tsa.example:8080/rfc3161?profile=a");
    }
}
