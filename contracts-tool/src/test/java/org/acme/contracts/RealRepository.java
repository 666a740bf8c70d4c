package org.acme.contracts;

import java.nio.file.Path;
import org.acme.contracts.repository.RepositoryLayout;

/** The repository this build runs in: surefire names it, an IDE runs from the module directory. */
public final class RealRepository {

    private RealRepository() {
    }

    public static RepositoryLayout layout() {
        String root = System.getProperty("contracts.repository");
        return new RepositoryLayout(root == null || root.isBlank() ? Path.of("..") : Path.of(root));
    }
}
