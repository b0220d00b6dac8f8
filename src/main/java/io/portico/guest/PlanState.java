package io.portico.guest;

/** Which purchases the guest API's guest plan list asks for, as of the request time. */
public enum PlanState {
    ACTIVE, EXPIRED
}
