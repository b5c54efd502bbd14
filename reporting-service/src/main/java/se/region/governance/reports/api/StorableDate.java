package se.region.governance.reports.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date of a four-digit year, 0001-01-01 to 9999-12-31 (ISO 8601 without expansion). PostgreSQL keeps years before 1
 * as BC years, which read back as other dates (-0001 came back as 0002), and ISO's expanded years beyond 9999 are read
 * by few clients: such a date is refused rather than stored altered.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableDate.Check.class)
public @interface StorableDate {

    LocalDate MIN = LocalDate.of(1, 1, 1);
    LocalDate MAX = LocalDate.of(9999, 12, 31);

    String message() default "must be a date from 0001-01-01 to 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<StorableDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || (!date.isBefore(MIN) && !date.isAfter(MAX));
        }
    }
}
