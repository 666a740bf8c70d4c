package org.acme.contracts.sources;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fully qualified names a type name written in a file may stand for, from the file's package
 * and imports. Without compiling there is no single answer for a wildcard import, so it answers
 * candidates, most likely first, and the caller keeps the first one it knows.
 */
final class ImportScope {

    private final String packageName;
    private final Map<String, String> singleImports = new HashMap<>();
    private final List<String> wildcardPackages = new ArrayList<>();
    private final Set<String> declaredHere = new LinkedHashSet<>();

    ImportScope(CompilationUnit unit) {
        this.packageName = unit.getPackageDeclaration().map(declaration -> declaration.getNameAsString()).orElse("");
        for (ImportDeclaration imported : unit.getImports()) {
            if (imported.isStatic()) {
                continue;
            }
            String name = imported.getNameAsString();
            if (imported.isAsterisk()) {
                wildcardPackages.add(name);
            } else {
                singleImports.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        for (TypeDeclaration<?> type : unit.getTypes()) {
            declaredHere.add(type.getNameAsString());
        }
    }

    String packageName() {
        return packageName;
    }

    /** {@code ProductAdded}, {@code OrderPlaced.Line} or {@code org.acme...ProductAdded} → what it may be. */
    List<String> candidates(String written) {
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String rest = dot < 0 ? "" : written.substring(dot);
        Set<String> candidates = new LinkedHashSet<>();
        if (singleImports.containsKey(first)) {
            candidates.add(singleImports.get(first) + rest);
        }
        if (declaredHere.contains(first)) {
            candidates.add(qualify(packageName, written));
        }
        if (candidates.isEmpty()) {
            candidates.add(qualify(packageName, written));
            wildcardPackages.forEach(imported -> candidates.add(imported + "." + written));
            if (dot > 0) {
                candidates.add(written);
            }
        }
        return List.copyOf(candidates);
    }

    private static String qualify(String packageName, String name) {
        return packageName.isEmpty() ? name : packageName + "." + name;
    }
}
