package org.acme.contracts.validation;

import java.util.List;

/** One rule of the published language, checked against a snapshot of the repository. */
interface Rule {

    List<Violation> check(RepositorySnapshot repository);
}
