package se.region.governance.plans.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A collaboration record (samverkan) with employees and unions, for a measure or the whole plan. */
@Entity
@Table(name = "collaboration")
public class Collaboration {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    /** Null when the collaboration concerns the whole plan. */
    @Column(name = "measure_id")
    public UUID measureId;

    @Column(nullable = false)
    public LocalDate date;

    @Convert(converter = Parties.class)
    @Column(nullable = false)
    public List<String> parties = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CollaborationForm form;

    public String outcome;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** Party names as a JSON array (names may contain commas). */
    @Converter
    public static class Parties implements AttributeConverter<List<String>, String> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String convertToDatabaseColumn(List<String> list) {
            try {
                return JSON.writeValueAsString(list == null ? List.of() : list);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        public List<String> convertToEntityAttribute(String s) {
            try {
                return s == null ? new ArrayList<>() : JSON.readValue(s, new TypeReference<ArrayList<String>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored parties are not a JSON list", e);
            }
        }
    }
}
