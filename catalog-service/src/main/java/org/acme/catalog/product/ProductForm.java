package org.acme.catalog.product;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A product's details as a client sends them (POST and PUT). Checked field by field with Bean
 * Validation, so that one answer names every invalid field, before it becomes {@link ProductDetails}.
 */
public record ProductForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal cost,
        @Size(max = 200) String supplier,
        @Size(max = 2000) String internalNotes,
        @Size(max = 100) String category) {

    public ProductDetails details() {
        return new ProductDetails(name, description, price, cost, supplier, internalNotes, category);
    }
}
