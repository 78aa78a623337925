package jp.sitesign.server.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import jp.sitesign.server.config.ServerConfig;
import org.slf4j.LoggerFactory;

/**
 * The running server's log files: under the data folder's {@code logs/}, one file a day (JST) for the
 * server's log and one for the request log, kept {@code log.keep-days}, as text lines with ISO-8601 JST
 * times or, with {@code log.format=json}, as JSON lines for log shippers. The console keeps what
 * {@code logback.xml} gives it (warnings and errors on stderr); request lines go to their file only.
 */
public final class ServerLogging {
    /** The logger of the request log ({@code RequestLog}). */
    public static final String REQUESTS = "sitesign.requests";
    static final String ZONE = "Asia/Tokyo";
    static final String TIME = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, " + ZONE + "}";

    private ServerLogging() {
    }

    /** Adds the daily files to the logging of this process (once, when {@code serve} starts). */
    public static void toFiles(ServerConfig config) {
        Path dir = config.dataDir().resolve("logs");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log folder " + dir, e);
        }
        int keepDays = config.getPositiveInt("log.keep-days");
        boolean json = switch (config.get("log.format").strip().toLowerCase(Locale.ROOT)) {
            case "text", "" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("setting log.format must be text or json, not '"
                    + config.get("log.format") + "'");
        };
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        String suffix = json ? ".jsonl" : ".log";
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(daily(context, "server-file", dir.resolve("sitesign-%d{yyyy-MM-dd, " + ZONE + "}" + suffix),
                keepDays, json ? jsonLines(context) : text(context, TIME + " %-5level [%thread] %logger{36} - %msg%n")));
        Logger requests = context.getLogger(REQUESTS);
        requests.setAdditive(false);
        requests.addAppender(daily(context, "request-file", dir.resolve("requests-%d{yyyy-MM-dd, " + ZONE + "}"
                + suffix), keepDays, json ? jsonLines(context) : text(context, TIME + " %kvp{NONE}%n")));
    }

    private static RollingFileAppender<ILoggingEvent> daily(LoggerContext context, String name, Path pattern,
            int keepDays, Encoder<ILoggingEvent> encoder) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(pattern.toString());
        policy.setMaxHistory(keepDays);
        policy.setCleanHistoryOnStart(true);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        return appender;
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonLines(LoggerContext context) {
        Layout<ILoggingEvent> layout = new JsonLinesLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
