package dev.ratchet.processor.fuzz;

/**
 * One thing the fuzzer caught: a compile error in generated code, a run whose outcome or log
 * differs from the synchronous reference, or a run that did not finish (hang, lost wakeup).
 * {@code mode} is the run that showed it (null for compile errors): shrinking re-checks that mode.
 */
record Finding(Kind kind, String program, Oracle.Mode mode, String detail) {
    /**
     * {@code BROKEN_REFERENCE}: the synchronous twin itself failed to load or run (javac emitted
     * unverifiable bytecode for plain Java, or the generator wrote something the harness cannot
     * run) — not the processor's fault, reported apart.
     */
    enum Kind { COMPILE_ERROR, MISMATCH, HANG, BROKEN_REFERENCE }

    boolean blamesProcessor() {
        return kind != Kind.BROKEN_REFERENCE;
    }

    /** What a smaller program must also show to count as the same finding. */
    String signature() {
        if (kind == Kind.BROKEN_REFERENCE) return kind + " " + detail.substring(0, Math.max(0, detail.indexOf(" in the synchronous twin")));
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
