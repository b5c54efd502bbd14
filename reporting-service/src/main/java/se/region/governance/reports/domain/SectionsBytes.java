package se.region.governance.reports.domain;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.java.MutabilityPlan;
import org.hibernate.type.descriptor.java.PrimitiveByteArrayJavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a report's sections (megabytes of UTF-8 JSON for a large plan) are held, stored and read by Hibernate:
 * <ul>
 *   <li>held as an immutable value (a recompile assigns a new array, nothing changes one in place), so persisting a
 *       report keeps no copy of them for dirty checking;</li>
 *   <li>stored compressed in the LZ4 frame format (V5; {@code lz4 -dc} reads a value copied out of the column), with
 *       the content size and a content checksum in the frame: a large plan's ~10 MB are compressed here in about
 *       10 ms and sent and stored as ~2 MB, where the server took about 90 ms to validate and compress them;</li>
 *   <li>read back from a frame, or as they are from a row written before V5 (plain UTF-8 JSON: it begins with
 *       {@code [}, never with the frame's magic number).</li>
 * </ul>
 */
public final class SectionsBytes {

    /** The LZ4 frame format's magic number as it is stored (0x184D2204, little-endian). */
    private static final byte[] FRAME_MAGIC = {0x04, 0x22, 0x4D, 0x18};
    /** The frame descriptor's flag that an 8-byte content size follows the block descriptor. */
    private static final int CONTENT_SIZE_FLAG = 0x08;

    private SectionsBytes() {
    }

    /** The sections' JSON as an LZ4 frame (independent 4 MB blocks, content size and checksum recorded). */
    public static byte[] compressed(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
        try (LZ4FrameOutputStream frame = new LZ4FrameOutputStream(out, LZ4FrameOutputStream.BLOCKSIZE.SIZE_4MB, json.length,
                LZ4Factory.fastestInstance().fastCompressor(), XXHashFactory.fastestInstance().hash32(),
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE,
                LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM)) {
            frame.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: not expected
        }
        return out.toByteArray();
    }

    /** The sections' JSON from what the column holds: an LZ4 frame, or (written before V5) the JSON itself. */
    public static byte[] json(byte[] stored) {
        if (stored == null || !isFrame(stored)) {
            return stored;
        }
        try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(stored))) {
            long size = contentSize(stored);
            if (size < 0) {
                return in.readAllBytes();
            }
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("an LZ4 frame of " + size + " bytes");
            }
            byte[] json = new byte[(int) size];
            if (in.readNBytes(json, 0, json.length) != json.length || in.read() != -1) {
                throw new IOException("the LZ4 frame's content is not the " + size + " bytes its header gives");
            }
            return json;
        } catch (IOException e) {
            throw new IllegalStateException("a report's stored sections are not a readable LZ4 frame: " + e.getMessage(), e);
        }
    }

    static boolean isFrame(byte[] stored) {
        if (stored.length < FRAME_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < FRAME_MAGIC.length; i++) {
            if (stored[i] != FRAME_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The content size that the frame's descriptor records (little-endian after FLG and BD), or -1 when it has none. */
    private static long contentSize(byte[] frame) {
        if (frame.length < 14 || (frame[4] & CONTENT_SIZE_FLAG) == 0) {
            return -1;
        }
        long size = 0;
        for (int i = 13; i >= 6; i--) {
            size = size << 8 | (frame[i] & 0xFF);
        }
        return size;
    }

    /** {@code byte[]} never changed in place: no deep copy. */
    public static final class Java extends PrimitiveByteArrayJavaType {
        @Override
        public MutabilityPlan<byte[]> getMutabilityPlan() {
            return ImmutableMutabilityPlan.instance();
        }
    }

    /** The JSON bound compressed (as a stream over the frame: no copy in the driver) and read back decompressed. */
    public static final class Jdbc extends VarbinaryJdbcType {
        @Override
        public JdbcType resolveIndicatedType(JdbcTypeIndicators indicators, JavaType<?> domainJtd) {
            return this;
        }

        @Override
        public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
            return new BasicBinder<>(javaType, this) {
                @Override
                protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                    byte[] frame = compressed(javaType.unwrap(value, byte[].class, options));
                    st.setBinaryStream(index, new ByteArrayInputStream(frame), frame.length);
                }

                @Override
                protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                    byte[] frame = compressed(javaType.unwrap(value, byte[].class, options));
                    st.setBinaryStream(name, new ByteArrayInputStream(frame), frame.length);
                }
            };
        }

        @Override
        public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
            return new BasicExtractor<>(javaType, this) {
                @Override
                protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                    return javaType.wrap(json(rs.getBytes(paramIndex)), options);
                }

                @Override
                protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                    return javaType.wrap(json(statement.getBytes(index)), options);
                }

                @Override
                protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                    return javaType.wrap(json(statement.getBytes(name)), options);
                }
            };
        }
    }
}
