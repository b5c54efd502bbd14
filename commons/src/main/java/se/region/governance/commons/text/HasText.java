package se.region.governance.commons.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * The text has a character other than whitespace. Used instead of {@code @NotBlank}, whose OpenAPI
 * pattern {@code \S} means another whitespace set in ECMA-262 (generated clients) than in Java: here
 * the whitespace is ECMA-262's, spelt out, and the OpenAPI document carries {@link #PATTERN} itself
 * (a JSON Schema pattern is searched for, as {@link Validator} does). Null is valid (pair with
 * {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = HasText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface HasText {

    /** One character that is not whitespace by ECMA-262's {@code \s}. */
    String PATTERN = "[^\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";

    String message() default "must not be blank";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HasText, CharSequence> {
        private static final Pattern TEXT = Pattern.compile(PATTERN);

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || TEXT.matcher(value).find();
        }
    }
}
