package io.portico.payment;

/**
 * A guest purchase refunded in full through its provider: what the console answers and the
 * dashboard confirms. {@code transactionId} is the provider's payment (PaymentIntent or PayPal
 * capture), {@code refundId} the provider's refund.
 */
public record GuestRefund(long purchaseId, String paymentGateway, String transactionId, String refundId, Money amount) {
}
