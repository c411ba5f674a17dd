package dev.ratchet.processor.fuzz;

/**
 * One thing the fuzzer caught: a compile error in generated code, a run whose outcome or log
 * differs from the synchronous reference, or a run that did not finish (hang, lost wakeup).
 * {@code mode} is the run that showed it (null for compile errors): shrinking re-checks that mode.
 */
record Finding(Kind kind, String program, Oracle.Mode mode, String detail) {
    enum Kind { COMPILE_ERROR, MISMATCH, HANG }

    /** What a smaller program must also show to count as the same finding. */
    String signature() {
        if (kind != Kind.COMPILE_ERROR) return kind + " " + mode;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[ratchet:\\w+]").matcher(detail);
        return kind + " " + (m.find() ? m.group() : "javac");
    }

    @Override
    public String toString() {
        return kind + " in " + program + (mode == null ? "" : " under " + mode) + ":\n" + detail;
    }
}
