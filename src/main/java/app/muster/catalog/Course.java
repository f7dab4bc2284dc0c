package app.muster.catalog;

import java.util.List;

/** A course of the shared library. */
public record Course(String id, String title, String category, int minutes, List<String> languages) {}
