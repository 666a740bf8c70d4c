package org.acme.repositorychecks;

import java.nio.file.Path;

/**
 * Something a file cites that the repository does not hold.
 *
 * @param file  where it is cited, relative to the repository's root
 * @param line  the line it is cited on, from 1
 * @param cited what is cited, as written
 * @param why   what is missing
 */
record BrokenReference(Path file, int line, String cited, String why) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + cited + " (" + why + ")";
    }
}
