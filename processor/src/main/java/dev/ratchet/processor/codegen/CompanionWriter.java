package dev.ratchet.processor.codegen;

import static dev.ratchet.processor.codegen.RuntimeNames.FUTURE;
import static dev.ratchet.processor.codegen.RuntimeNames.GENERATED;
import static dev.ratchet.processor.codegen.RuntimeNames.PROCESSOR;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.ratchet.processor.model.AsyncMethod;
import dev.ratchet.processor.model.CompanionNames;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Writes the companion {@code <Class>Async} with one static entry per {@code @Async} method, and
 * the file that hosts the state machines: the companion itself, or {@code <Class>AsyncMachines}
 * when the bodies could only be typed once the companion existed.
 */
public final class CompanionWriter {
    /** What an entry needs to know of the machine it creates. */
    public record Entry(AsyncMethod method, ClassName machine) {}

    private CompanionWriter() {}

    public static ClassName companionName(TypeElement owner) {
        return ClassName.get(CompanionNames.packageName(owner), CompanionNames.companionSimpleName(owner));
    }

    public static ClassName machinesName(TypeElement owner) {
        return ClassName.get(CompanionNames.packageName(owner), CompanionNames.machinesSimpleName(owner));
    }

    /**
     * The companion file; {@code machines} are nested in it.
     */
    public static JavaFile companion(TypeElement owner, List<Entry> entries, List<TypeSpec> machines, boolean markGenerated) {
        ClassName name = companionName(owner);
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addJavadoc("Lazy futures of the {@code @Async} methods of {@link $T}: calling an entry creates the state\n"
                        + "machine and runs nothing; polling runs the body.\n", ClassName.get(owner))
                .addModifiers(Modifier.FINAL)
                .addOriginatingElement(owner)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (markGenerated) type.addAnnotation(generated());
        if (owner.getModifiers().contains(Modifier.PUBLIC)) type.addModifiers(Modifier.PUBLIC);
        for (Entry e : entries) type.addMethod(entry(e));
        type.addTypes(machines);
        return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    /** The file hosting the machines of {@code owner} when they are generated a round after the companion. */
    public static JavaFile machines(TypeElement owner, List<TypeSpec> machines, boolean markGenerated) {
        ClassName name = machinesName(owner);
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addJavadoc("State machines of the {@code @Async} methods of {@link $T}; see {@link $T}.\n",
                        ClassName.get(owner), companionName(owner))
                .addModifiers(Modifier.FINAL)
                .addOriginatingElement(owner)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addTypes(machines);
        if (markGenerated) type.addAnnotation(generated());
        return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    private static AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
    }

    private static MethodSpec entry(Entry e) {
        AsyncMethod m = e.method();
        MethodSpec.Builder b = MethodSpec.methodBuilder(m.element().getSimpleName().toString())
                .addJavadoc("Returns the lazy future of {@code $L.$L}; creating it runs nothing.\n",
                        m.owner().getSimpleName(), m.element().getSimpleName())
                .addModifiers(Modifier.STATIC)
                .addTypeVariables(MachineWriter.typeVariables(m))
                .returns(ParameterizedTypeName.get(FUTURE, MachineWriter.outputType(m)));
        if (m.element().getModifiers().contains(Modifier.PUBLIC) || m.element().getModifiers().contains(Modifier.PROTECTED)) {
            b.addModifiers(Modifier.PUBLIC);
        }
        String self = "self";
        for (VariableElement p : m.element().getParameters()) {
            if (p.getSimpleName().contentEquals(self)) self = "receiver";
        }
        if (!m.isStatic()) b.addParameter(TypeNames.of(m.owner().asType()), self);
        for (VariableElement p : m.element().getParameters()) {
            b.addParameter(ParameterSpec.builder(TypeNames.of(p.asType()), p.getSimpleName().toString()).build());
        }
        b.varargs(m.element().isVarArgs());
        CodeBlock.Builder args = CodeBlock.builder();
        boolean first = true;
        if (!m.isStatic()) {
            args.add("$L", self);
            first = false;
        }
        for (VariableElement p : m.element().getParameters()) {
            args.add(first ? "$L" : ", $L", p.getSimpleName());
            first = false;
        }
        // JLS 15.12.4.4: a call on null fails once its arguments are evaluated, as an implicit await does.
        if (!m.isStatic()) b.addStatement(EagerEntry.receiverCheck(m, self));
        b.addStatement(MachineWriter.typeVariables(m).isEmpty() ? "return new $T($L)" : "return new $T<>($L)",
                e.machine(), args.build());
        return b.build();
    }
}
