package dev.ratchet.processor.fuzz;

/** The types of generated locals, parameters and return values. */
enum Ty {
    INT("int", "Integer"),
    LONG("long", "Long"),
    DOUBLE("double", "Double"),
    BOOLEAN("boolean", "Boolean"),
    STRING("String", "String"),
    INT_ARRAY("int[]", "int[]"),
    INT_LIST("List<Integer>", "List<Integer>"),
    VOID("void", "Void");

    final String java;
    final String boxed;

    Ty(String java, String boxed) {
        this.java = java;
        this.boxed = boxed;
    }

    boolean numeric() {
        return this == INT || this == LONG || this == DOUBLE;
    }

    /** Types a method may return (arrays and lists are values too, but keep results printable). */
    static final Ty[] RETURNS = {INT, LONG, DOUBLE, BOOLEAN, STRING, VOID};
    /** Types of locals and parameters. */
    static final Ty[] VALUES = {INT, LONG, DOUBLE, BOOLEAN, STRING, INT_ARRAY, INT_LIST};
}
