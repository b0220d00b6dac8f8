package io.portico.demo;

/**
 * One module's part of the demo data. Seeds run in {@link #order()} inside one transaction,
 * only on a database that has no demo operator yet, with a fixed random seed.
 */
public interface DemoSeed {

    int order();

    void seed(DemoContext context);
}
