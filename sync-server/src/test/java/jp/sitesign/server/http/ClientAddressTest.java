package jp.sitesign.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.sitesign.model.error.SiteSignException;
import org.junit.jupiter.api.Test;

/** The client address behind trusted proxies, and CIDR blocks in IPv4 and IPv6. */
class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress none = new ClientAddress(Cidrs.none());

        assertThat(none.resolve("198.51.100.7", "203.0.113.1")).isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyPassesOnTheAddressItWasCalledFrom() {
        ClientAddress behindProxy = new ClientAddress(Cidrs.parseSetting("http.trusted-proxies", "10.0.0.0/8, ::1"));

        assertThat(behindProxy.resolve("10.1.2.3", "203.0.113.1")).isEqualTo("203.0.113.1");
        assertThat(behindProxy.resolve("::1", "2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(behindProxy.resolve("198.51.100.7", "203.0.113.1")).as("peer is no proxy")
                .isEqualTo("198.51.100.7");
    }

    @Test
    void onlyTheHopsAddedByTrustedProxiesCount_fromTheRight() {
        ClientAddress behindProxies = new ClientAddress(Cidrs.parseSetting("k", "10.0.0.0/8"));

        // The client wrote "1.1.1.1" itself; the proxy appended the address it saw, then a second proxy its own.
        assertThat(behindProxies.resolve("10.0.0.2", "1.1.1.1, 203.0.113.9, 10.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("10.0.0.2", "1.1.1.1,203.0.113.9,not-an-address")).as("a garbled hop")
                .isEqualTo("10.0.0.2");
    }

    @Test
    void blocksMatchTheirOwnFamily_andIpv4MappedAddressesTheirIpv4Block() {
        Cidrs loopbackOnly = Cidrs.parse("allowedAddresses", List.of("127.0.0.1/32", "::1/128"));

        assertThat(loopbackOnly.contains("127.0.0.1")).isTrue();
        assertThat(loopbackOnly.contains("127.0.0.2")).isFalse();
        assertThat(loopbackOnly.contains("::1")).isTrue();
        assertThat(loopbackOnly.contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(loopbackOnly.contains("::2")).isFalse();
        assertThat(loopbackOnly.contains("::ffff:127.0.0.1")).isTrue();
        assertThat(loopbackOnly.contains("garbage")).isFalse();
        assertThat(loopbackOnly.contains(null)).isFalse();
        assertThat(Cidrs.parse("a", List.of("2001:db8::/32")).contains("2001:db8:ffff::1")).isTrue();
        assertThat(Cidrs.parse("a", List.of("2001:db8::/32")).contains("2001:db9::1")).isFalse();
    }

    @Test
    void aBlockThatIsNoAddressIsAFieldError() {
        assertThatThrownBy(() -> Cidrs.parse("allowedAddresses", List.of("192.0.2.0/24", "example.com")))
                .isInstanceOf(SiteSignException.class).hasMessageContaining("example.com");
        assertThatThrownBy(() -> Cidrs.parse("allowedAddresses", List.of("10.0.0.0/33")))
                .isInstanceOf(SiteSignException.class);
    }
}
