package org.acme.contracts.generate;

/**
 * A record component as the generators write or read it.
 *
 * @param type  the Java type as written in the source, e.g. {@code UUID}, {@code List<ReservedLine>}
 * @param since the version that added it, 1 without {@code @Since}
 */
public record Field(String name, String type, int since) {

    /** {@code productId:UUID}, as given on the command line. */
    public static Field parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1) {
            throw new GenerationRefused("a field is written name:Type, e.g. productId:UUID or price:BigDecimal; got " + text);
        }
        String name = text.substring(0, colon).trim();
        if (!name.matches("[a-z][A-Za-z0-9]*")) {
            throw new GenerationRefused("field name " + name + " must be lowerCamelCase");
        }
        return new Field(name, text.substring(colon + 1).trim(), 1);
    }

    boolean primitive() {
        return type.equals("int") || type.equals("long") || type.equals("boolean") || type.equals("double")
                || type.equals("short") || type.equals("byte") || type.equals("float") || type.equals("char");
    }
}
