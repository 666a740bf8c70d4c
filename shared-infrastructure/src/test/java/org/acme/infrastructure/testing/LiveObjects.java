package org.acme.infrastructure.testing;

import java.lang.management.ManagementFactory;
import java.util.function.Predicate;
import javax.management.ObjectName;

/**
 * Counts the objects still reachable in this JVM whose class is of a kind, as
 * {@code jcmd <pid> GC.class_histogram} does: after a full collection, so what is counted is what
 * something still holds.
 */
public final class LiveObjects {

    private LiveObjects() {
    }

    public static long count(Predicate<Class<?>> kind) {
        long count = 0;
        for (String line : histogram().split("\n")) {
            // "num:  #instances  #bytes  class name (module)"
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":") && !columns[3].startsWith("[")) {
                Class<?> type = loaded(columns[3]);
                if (type != null && kind.test(type)) {
                    count += Long.parseLong(columns[1]);
                }
            }
        }
        return count;
    }

    /** The class of that name as this test sees it, or nothing when it sees none (another class loader's, a hidden class). */
    private static Class<?> loaded(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String histogram() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("the JVM's class histogram could not be read", e);
        }
    }
}
