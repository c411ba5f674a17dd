package dev.ratchet.processor.fuzz;

/**
 * One thing the fuzzer caught: a compile error in generated code, a run whose outcome or log
 * differs from the synchronous reference, or a run that did not finish (hang, lost wakeup).
 * {@code mode} is the run that showed it (null for compile errors): shrinking re-checks that mode.
 */
record Finding(Kind kind, String program, Oracle.Mode mode, String detail) {
    /**
     * {@code VERIFY_ERROR}: a class compiled from the processor's output fails verification while
     * the program's own classes pass — the processor's finding even when javac is the one that
     * miscompiled (a user's program would crash alike; the processor must avoid the trigger).
     * {@code BROKEN_REFERENCE}: a class javac compiled from the program as written (the synchronous
     * twin or the {@code @Async} holder) failed to verify or load: javac's bug on plain Java (or a
     * program the harness cannot run) — not the processor's fault, reported apart. See {@link
     * Oracle#unverifiable}.
     */
    enum Kind { COMPILE_ERROR, MISMATCH, HANG, VERIFY_ERROR, BROKEN_REFERENCE }

    boolean blamesProcessor() {
        return kind != Kind.BROKEN_REFERENCE;
    }

    /** What a smaller program must also show to count as the same finding. */
    String signature() {
        // The error class (and for the verifier, its first line), without class and program names.
        if (kind == Kind.BROKEN_REFERENCE) return kind + " " + detail.substring(0, Math.max(0, detail.indexOf(" in ")));
        if (kind == Kind.VERIFY_ERROR) {
            return kind + " " + detail.substring(0, Math.max(0, detail.indexOf(" in "))) + ": "
                    + detail.substring(detail.indexOf("): ") + 3).split(";")[0];
        }
        if (kind != Kind.COMPILE_ERROR) return kind + " " + mode;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[ratchet:\\w+]").matcher(detail);
        if (m.find()) return kind + " " + m.group();
        // javac's own message about the generated code, without file, line and program names.
        String first = detail.lines().findFirst().orElse("");
        return kind + " " + first.replaceFirst("^\\S+\\.java:\\d+: ", "").replaceAll("P\\d+(_\\d+)*", "P");
    }

    @Override
    public String toString() {
        return kind + " in " + program + (mode == null ? "" : " under " + mode) + ":\n" + detail;
    }
}
