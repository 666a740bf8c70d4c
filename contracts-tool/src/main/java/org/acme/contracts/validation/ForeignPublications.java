package org.acme.contracts.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acme.contracts.manifest.BoundedContext;
import org.acme.contracts.sources.DeclaredType;
import org.acme.contracts.sources.Instantiation;

/**
 * Only the owner of an event publishes it: a service that creates another context's event would be
 * speaking for that context, on that context's exchange.
 */
final class ForeignPublications implements Rule {

    @Override
    public List<Violation> check(RepositorySnapshot repository) {
        List<Violation> violations = new ArrayList<>();
        for (Instantiation creation : repository.sources().instantiations()) {
            Optional<BoundedContext> context = repository.contextOfModule(creation.module());
            Optional<DeclaredType> event = repository.contractAmong(creation.candidates());
            if (context.isEmpty() || event.isEmpty() || event.get().contract().isEmpty()) {
                continue;
            }
            String owner = repository.publisherOf(event.get());
            if (!owner.equals(context.get().name())) {
                String name = event.get().eventType();
                violations.add(new Violation("foreign-publication", creation.file() + ":" + creation.line(),
                        context.get().name() + " creates " + name + ", an event that " + owner + " owns: only " + owner
                                + " publishes " + name,
                        "publish an event of " + context.get().name() + " instead (./contracts generate integration-event <Name> "
                                + "--publisher " + context.get().name() + " --subscribers ...) and leave " + name + " to " + owner));
            }
        }
        return violations;
    }
}
