package jp.sitesign.desktop.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The desktop app's logging, set up in code (found by Logback through {@code META-INF/services}): warnings and
 * errors to standard error only, so the headless {@code sign} and {@code verify} commands' standard output stays
 * clean; PDFBox only from errors up (it warns about standard-14 font substitutes at every preview warm-up, nothing a
 * user can act on). In code rather than a {@code logback.xml} because reading an XML configuration loads Logback's
 * whole configuration language, a few hundred classes, on the way to the app's first window (BENCHMARKS.md,
 * "Installers"). {@code -Dlogback.configurationFile=…} still overrides it, for a support case.
 */
public final class DesktopLogging extends ContextAwareBase implements Configurator {
    static final String APPENDER = "STDERR";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName(APPENDER);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
