package se.region.governance.plans.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Short lists stored as comma-separated text in the measure row: a measure is read with its
 * principles and documents in one row, without a join per list.
 */
public final class CodeListConverters {

    private CodeListConverters() {
    }

    @Converter
    public static class Principles implements AttributeConverter<List<Principle>, String> {
        @Override
        public String convertToDatabaseColumn(List<Principle> list) {
            return list == null ? "" : String.join(",", list.stream().map(Enum::name).toList());
        }

        @Override
        public List<Principle> convertToEntityAttribute(String s) {
            return split(s).stream().map(Principle::valueOf).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
    }

    @Converter
    public static class Ids implements AttributeConverter<List<UUID>, String> {
        @Override
        public String convertToDatabaseColumn(List<UUID> list) {
            return list == null ? "" : String.join(",", list.stream().map(UUID::toString).toList());
        }

        @Override
        public List<UUID> convertToEntityAttribute(String s) {
            return split(s).stream().map(UUID::fromString).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(s.split(",")));
    }
}
