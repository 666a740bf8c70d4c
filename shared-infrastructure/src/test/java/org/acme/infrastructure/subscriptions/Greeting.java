package org.acme.infrastructure.subscriptions;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The test subscriber's read model: how many times each name was greeted. */
@Entity
@Table(name = "greetings")
public class Greeting extends PanacheEntityBase {

    @Id
    public String name;
    public int count;
}
