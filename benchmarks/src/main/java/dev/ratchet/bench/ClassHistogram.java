package dev.ratchet.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The JVM's live-object class histogram ({@code jcmd GC.class_histogram}, taken in-process
 * through the DiagnosticCommand MBean): W4 uses two of them to say where each suspended task's
 * bytes go.
 *
 * <pre>{@code
 * Map<String, long[]> before = ClassHistogram.take();
 * ... create n objects ...
 * List<String> top = ClassHistogram.topGrowth(before, ClassHistogram.take(), n, 8);
 * }</pre>
 */
final class ClassHistogram {
    private ClassHistogram() {}

    /** " 1: 200000 9600000 java.lang.Object (java.base@25)" */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** Class name to {instances, bytes}, after a full GC (the command collects first). */
    static Map<String, long[]> take() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> histogram = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.find()) histogram.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        return histogram;
    }

    /**
     * The {@code limit} classes that grew most, at least one byte per task (less is unrelated
     * noise), as "Class: bytes per task (instances per task)".
     */
    static List<String> topGrowth(Map<String, long[]> before, Map<String, long[]> after, int perN, int limit) {
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        after.forEach((cls, a) -> {
            long[] b = before.getOrDefault(cls, new long[2]);
            long bytes = a[1] - b[1];
            if (bytes >= perN) growth.add(Map.entry(cls, new long[] {a[0] - b[0], bytes}));
        });
        growth.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        List<String> top = new ArrayList<>();
        for (Map.Entry<String, long[]> e : growth.subList(0, Math.min(limit, growth.size()))) {
            top.add(String.format(Locale.ROOT, "%s: %.1f bytes (%.2f objects) per task",
                    e.getKey(), (double) e.getValue()[1] / perN, (double) e.getValue()[0] / perN));
        }
        return top;
    }
}
