package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.PorticoApplication;
import io.portico.guest.MacAddress;
import io.portico.hotspot.GatewayKind;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.support.DatabaseTarget;
import io.portico.support.PortalWorld;
import io.portico.support.PostgresAvailableCondition;
import io.portico.support.StripeFake;
import io.portico.support.TestConfig;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two whole Portico servers on one database (an H2 file, then a PostgreSQL schema of their own)
 * both receive the same Stripe event, many times at once: the guest's plan starts exactly once.
 */
@Tag("database")
@ExtendWith(PostgresAvailableCondition.class)
class TwoInstancesPaymentTest {

    static final String SIGNING_SECRET = "whsec_two_instances_0123456789";

    @TempDir
    Path dataDir;

    final List<ConfigurableApplicationContext> running = new ArrayList<>();
    final StripeFake stripe = StripeFake.shared();

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext server(Map<String, String> database) {
        String[] args = Stream.concat(database.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                Stream.of("--server.port=0", "--portico.radius.enabled=false", "--portico.gateway.reconciler.enabled=false",
                        "--portico.webhook.delivery-enabled=false",
                        "--portico.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                        "--portico.payment.stripe-api-base=" + stripe.apiBase())).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PorticoApplication.class, TestConfig.class)
                .run(args);
        running.add(context);
        return context;
    }

    static String webhookUrl(ConfigurableApplicationContext server, long operatorId) {
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        return "http://127.0.0.1:" + port + "/payments/stripe/webhook/" + operatorId;
    }

    @Test
    void twoInstancesReceivingTheSameEventConcurrentlyStartThePlanOnce() throws Exception {
        Map<String, String> database = DatabaseTarget.current().standalone(dataDir, "paytwins");
        ConfigurableApplicationContext a = server(database);
        ConfigurableApplicationContext b = server(database);
        PortalWorld world = new PortalWorld(a, "Twin Cafe", GatewayKind.COOVACHILLI);
        long operatorId = world.world.operator.id();
        a.getBean(OperatorSettingsService.class).initialise(operatorId, Section.SHOPPING_CART,
                new Sections.ShoppingCart(true, "", "", true, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_twins_0123456789", SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
        MacAddress device = MacAddress.parse("02:AA:BB:CC:DD:01");
        URI pay = a.getBean(GuestCheckouts.class).start(new GuestCheckoutRequest(operatorId, world.world.client.id(),
                world.hotspot.id(), device, world.dayPlan.id(), Optional.empty(), "en-us",
                "http://portal.example/paid?checkout={CHECKOUT_SESSION_ID}", "http://portal.example/"));
        ObjectNode paid = stripe.pay(pay.getPath().substring("/pay/".length()));
        String event = stripe.event("checkout.session.completed", paid, Clock.systemUTC().instant());
        String header = StripeFake.signature(event, SIGNING_SECRET, Clock.systemUTC().instant());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String url = webhookUrl(i % 2 == 0 ? a : b, operatorId);
            deliveries.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return stripe.deliver(url, event, header);
            }, pool));
        }
        go.countDown();
        List<HttpResponse<String>> responses = deliveries.stream().map(CompletableFuture::join).toList();
        pool.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses).filteredOn(r -> r.body().contains("\"duplicate\":false")).hasSize(1);
        JdbcClient jdbc = b.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from guest_plan_purchase where payment_gateway = 'Stripe' and client_id = ?")
                .param(world.world.client.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payment_webhook_inbox where operator_id = ?")
                .param(operatorId).query(Long.class).single()).isEqualTo(1);
        assertThat(b.getBean(GuestCheckouts.class).find(world.world.client.id(), paid.path("id").asString()).orElseThrow().state())
                .isEqualTo(GuestCheckout.State.PAID);
    }
}
