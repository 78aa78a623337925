package jp.sitesign.model.signature.verify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jp.sitesign.model.time.JapanTime;

import java.io.IOException;
import java.time.Instant;

/**
 * Writes a {@link VerificationReport} as JSON: the records' components by name, enums by name, and
 * every instant in JST with {@code +09:00} written out (DESIGN §7).
 */
final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("sitesign-verification").addSerializer(Instant.class, new JstInstant()))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static String write(VerificationReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a verification report is plain data and always serializes", e);
        }
    }

    private static final class JstInstant extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(JapanTime.iso(value));
        }
    }
}
