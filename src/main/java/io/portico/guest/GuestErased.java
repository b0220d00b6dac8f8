package io.portico.guest;

/**
 * Published inside the transaction that erases a guest on a privacy request, before the profile
 * row goes; the connection module listens and anonymises the guest's sessions in that transaction.
 */
public record GuestErased(long clientId, long guestId) {
}
