package org.acme.catalog.getproduct;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.acme.catalog.product.ProductState;

/** Reads the product catalog table the projection keeps. */
@ApplicationScoped
public class ProductCatalog {

    private static final String COLUMNS = "id, name, description, price, cost, supplier, internal_notes, category,"
            + " removed, version";

    private final AgroalDataSource dataSource;

    public ProductCatalog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<ProductState> find(UUID id) {
        List<ProductState> found = query("SELECT " + COLUMNS + " FROM product_catalog WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** The products on sale, by name. */
    public List<ProductState> active() {
        return query("SELECT " + COLUMNS + " FROM product_catalog WHERE NOT removed ORDER BY name, id");
    }

    private List<ProductState> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<ProductState> products = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    products.add(new ProductState(rows.getObject("id", UUID.class), rows.getString("name"),
                            rows.getString("description"), rows.getBigDecimal("price"), rows.getBigDecimal("cost"),
                            rows.getString("supplier"), rows.getString("internal_notes"), rows.getString("category"),
                            rows.getBoolean("removed") ? ProductState.Status.REMOVED : ProductState.Status.ACTIVE,
                            rows.getLong("version")));
                }
            }
            return products;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the product catalog", e);
        }
    }
}
