package org.acme.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives a test class the running system, started once for the whole test run. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WithRunningSystem.Extension.class)
public @interface WithRunningSystem {

    final class Extension implements BeforeAllCallback, ParameterResolver {

        @Override
        public void beforeAll(ExtensionContext context) {
            system(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningSystem.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return system(context);
        }

        private static RunningSystem system(ExtensionContext context) {
            // The root store closes the system (an AutoCloseable) when the whole run ends.
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(RunningSystem.class, key -> {
                        try {
                            return RunningSystem.start();
                        } catch (Exception e) {
                            throw new IllegalStateException("cannot start the system: " + e.getMessage(), e);
                        }
                    }, RunningSystem.class);
        }
    }
}
