package se.region.governance.reports.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import se.region.governance.reports.domain.ReportSections;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * How a report's sections are stored (column {@code report.sections}, {@code bytea}): their JSON in the LZ4 frame format
 * ({@code lz4 -dc} reads a value copied out of the column). Why compressed by the service, see docs/adr/0007. Rows
 * written before V5 hold the JSON itself, which starts with {@code [}; a frame never does.
 */
@Converter(autoApply = true)
public class SectionsColumn implements AttributeConverter<ReportSections, byte[]> {

    @Override
    public byte[] convertToDatabaseColumn(ReportSections sections) {
        if (sections == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream frame = new LZ4FrameOutputStream(out)) {
            frame.write(json().writeValueAsBytes(sections));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public ReportSections convertToEntityAttribute(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try (InputStream in = stored.length > 0 && stored[0] == '[' ? new ByteArrayInputStream(stored)
                : new LZ4FrameInputStream(new ByteArrayInputStream(stored))) {
            return json().readValue(in, ReportSections.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a report's stored sections are unreadable", e);
        }
    }

    /** The service's mapper (Hibernate makes converters itself, outside CDI). */
    private static ObjectMapper json() {
        return Arc.container().instance(ObjectMapper.class).get();
    }
}
