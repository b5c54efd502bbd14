package se.region.governance.reports.domain;

import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.ImmutableMutabilityPlan;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.java.MutabilityPlan;
import org.hibernate.type.descriptor.java.PrimitiveByteArrayJavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.JdbcTypeIndicators;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

import java.io.ByteArrayInputStream;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How a report's sections (megabytes of UTF-8 JSON for a large plan) are held and written by Hibernate without a copy:
 * as an immutable value (a recompile assigns a new array, nothing changes one in place), so persisting a report keeps
 * no copy of them for dirty checking; and bound as a stream over the array, which the driver sends as it reads it
 * instead of copying the array first as it does for {@code setBytes}.
 */
public final class SectionsBytes {

    private SectionsBytes() {
    }

    /** {@code byte[]} never changed in place: no deep copy. */
    public static final class Java extends PrimitiveByteArrayJavaType {
        @Override
        public MutabilityPlan<byte[]> getMutabilityPlan() {
            return ImmutableMutabilityPlan.instance();
        }
    }

    /** A binary parameter bound as a stream over its bytes. */
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
                    byte[] bytes = javaType.unwrap(value, byte[].class, options);
                    st.setBinaryStream(index, new ByteArrayInputStream(bytes), bytes.length);
                }

                @Override
                protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                    byte[] bytes = javaType.unwrap(value, byte[].class, options);
                    st.setBinaryStream(name, new ByteArrayInputStream(bytes), bytes.length);
                }
            };
        }
    }
}
