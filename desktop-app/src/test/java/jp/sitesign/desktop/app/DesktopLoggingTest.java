package jp.sitesign.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DesktopLoggingTest {

    @Test
    void warningsGoToStandardErrorAndPdfBoxOnlyFromErrorsUp() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(DesktopLogging.APPENDER))
                .as("Logback found the desktop's configurator").isNotNull();
        assertThat(context.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font").getEffectiveLevel()).isEqualTo(Level.ERROR);

        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            org.slf4j.Logger log = LoggerFactory.getLogger("jp.sitesign.desktop.Probe");
            log.info("not shown");
            log.warn("shown once");
            LoggerFactory.getLogger("org.apache.pdfbox.Probe").warn("font substitute");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).as("sign and verify keep standard output clean").isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("WARN  j.s.desktop.Probe - shown once")
                .doesNotContain("not shown").doesNotContain("font substitute");
    }
}
