package app.muster.enrollment.ui;

import java.text.Normalizer;
import java.util.Locale;

/** Search that ignores case and accents: "cafe" finds "Café". */
final class SearchText {

    private SearchText() {}

    static boolean matches(String text, String query) {
        return fold(text).contains(fold(query));
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }
}
