package io.supporto.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text may hold newlines and tabs (and a carriage return before a newline) but no other control
 * characters, nor the bidirectional overrides that can disguise what a title says.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

    String message() default "must not contain control characters other than newline and tab";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoControlCharacters, String> {

        /** The rule itself, for text that does not come through Bean Validation (the link pages' forms). */
        public static boolean isClean(String value) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean lineBreak = c == '\n' || c == '\t' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n');
                boolean control = Character.getType(c) == Character.CONTROL && !lineBreak;
                boolean bidiOverride = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
                if (control || bidiOverride) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isClean(value);
        }
    }
}
