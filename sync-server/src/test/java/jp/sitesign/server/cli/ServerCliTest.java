package jp.sitesign.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ServerCliTest {
    @TempDir
    Path dir;

    static Stream<String> commands() {
        return Stream.of("", "serve", "company", "company create", "company terminate", "user", "user reset-password",
                "notice", "notice publish", "audit", "audit verify", "audit export");
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void everyCommandExplainsItself(String command) {
        Result r = run((command + " --help").strip().split(" "));
        assertThat(r.code).isZero();
        assertThat(r.out).contains("Usage:");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result r = run("frobnicate");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("frobnicate");
    }

    @Test
    void aMalformedCompanyIdIsRefusedInBothLanguagesWithoutTouchingAnyData() {
        Result r = run("company", "terminate", "--company", "X123", "--data-dir", dir.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("C + 8 桁").contains("C followed by 8 digits");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void anUnknownUserGetsAClearErrorOnAFreshDataFolder() {
        Result r = run("user", "reset-password", "--user", "U12345678", "--data-dir", dir.resolve("d").toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("U12345678").contains("does not exist");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ServerCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
