package app.muster.directory;

import java.util.Locale;

final class EmailAddresses {

    private EmailAddresses() {}

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static boolean looksValid(String email) {
        int at = email.indexOf('@');
        return at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1 && hasNoWhitespace(email);
    }

    static String validOrNull(String value) {
        return value != null && looksValid(value) ? value : null;
    }

    private static boolean hasNoWhitespace(String email) {
        return email.codePoints().noneMatch(Character::isWhitespace);
    }
}
