package io.portico.operator;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.operator.persistence.SettingsRepository;
import io.portico.plan.PlanService;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Caches;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.SecretBox;
import io.portico.tenant.Operator;
import io.portico.tenant.TenantService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry point of the operator module. The console facade reads the configuration (secrets
 * masked) and DomainAdministrators change it section by section; units and subscriptions read
 * the network rules, and Portico's own engines read secrets in clear through {@link #secret}.
 */
@Service
public class OperatorSettingsService {

    private final SettingsRepository repository;
    private final TenantService tenants;
    private final PlanService plans;
    private final SecretBox box;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /**
     * Sanitised terms by operator and locale: every portal page shows them, and reading, parsing
     * and sanitising them again was 30 % of the portal controller's CPU samples. Evicted when terms
     * change here; another node's change shows when the entry expires.
     */
    private final Cache<TermsKey, Optional<String>> terms =
            Caches.builder().expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    private record TermsKey(long operatorId, String locale) {
    }

    OperatorSettingsService(SettingsRepository repository, TenantService tenants, PlanService plans, SecretBox box,
                            JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.plans = plans;
        this.box = box;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** The whole configuration of the actor's operator, secrets masked (listOperatorDetails). */
    @Transactional(readOnly = true)
    public OperatorSettings settings(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return settings(actor.operatorId());
    }

    @Transactional(readOnly = true)
    public OperatorSettings settings(long operatorId) {
        Operator operator = tenants.findOperator(operatorId).orElseThrow(() -> PorticoException.notFound("Unknown operator."));
        Map<String, String> stored = repository.sections(operatorId);
        Map<SecretName, String> masked = new EnumMap<>(SecretName.class);
        repository.sealedSecrets(operatorId).forEach((name, sealed) ->
                masked.put(SecretName.valueOf(name), SecretBox.mask(box.open(sealed))));
        Sections.Profile profile = read(stored, Section.PROFILE);
        if (profile.networkOperatorName().isEmpty()) {
            profile = new Sections.Profile(operator.name(), profile.domain(), profile.emailDomain(), profile.domainAlias(),
                    profile.addressLine1(), profile.addressLine2(), profile.city(), profile.state(), profile.postalCode(),
                    profile.country(), profile.phoneNumber(), profile.emailAddress(), profile.logoUrl(),
                    profile.displayOptionId(), profile.propertyManagementGroupId());
        }
        return new OperatorSettings(operatorId, operator.key(), operator.name(), profile, read(stored, Section.SIGN_ON),
                read(stored, Section.PMS), read(stored, Section.PLAN_DEFAULTS), read(stored, Section.NETWORK),
                read(stored, Section.NOTIFICATIONS), read(stored, Section.REPORTING), read(stored, Section.SHOPPING_CART),
                read(stored, Section.DISPLAY).configuration(), read(stored, Section.LOCALES).supported(),
                read(stored, Section.TANDC).byLocale(), read(stored, Section.CERTIFICATES).list(),
                read(stored, Section.EMAIL), masked);
    }

    /** One section of an operator's configuration (its default when never set). */
    @Transactional(readOnly = true)
    public <T extends Record> T section(long operatorId, Section<T> section) {
        return repository.section(operatorId, section.storageName())
                .map(text -> json.readValue(text, section.type())).orElse(section.defaults());
    }

    /**
     * The terms and conditions of one locale for a page that shows them (the captive portal),
     * passed through the sanitizer again so only formatting reaches a guest's browser; falls back
     * to the first locale that has terms.
     */
    public Optional<String> termsAndConditions(long operatorId, String locale) {
        return terms.get(new TermsKey(operatorId, locale), key -> {
            Map<String, String> byLocale = section(operatorId, Section.TANDC).byLocale();
            String text = byLocale.getOrDefault(locale, byLocale.values().stream().findFirst().orElse(null));
            return Optional.ofNullable(text).map(ActiveContentCheck::sanitize);
        });
    }

    /** The network rules units and subscriptions follow (VLAN ranges, PSK and overlap rules). */
    public Sections.Network network(long operatorId) {
        return section(operatorId, Section.NETWORK);
    }

    /** The operator's time zone (UTC when none was chosen): what pages show times in by default. */
    public java.time.ZoneId timeZone(long operatorId) {
        return section(operatorId, Section.LOCALITY).zone();
    }

    /**
     * What the sanitizer makes of operator HTML, without saving anything: the dashboard's previews
     * of terms and email templates show the cleaned text and, when saving would be refused, why.
     */
    public CheckedHtml checkFormatting(String html) {
        return ActiveContentCheck.check(html);
    }

    /** A secret in clear, for Portico's own use (RADIUS, payments, PMS sync); never for an API response. */
    @Transactional(readOnly = true)
    public Optional<String> secret(long operatorId, SecretName name) {
        return Optional.ofNullable(repository.sealedSecrets(operatorId).get(name.name())).map(box::open);
    }

    /**
     * Replaces one section (DomainAdministrators) and sets or, with an empty value, removes the
     * given secrets. Written to the operator log without the secrets' values.
     */
    @Transactional
    public <T extends Record> void update(Actor actor, Section<T> section, T value, Map<SecretName, String> secrets) {
        actor.require(Permission.MANAGE_OPERATOR);
        store(actor.operatorId(), section, value, secrets);
        StringBuilder message = new StringBuilder("Updated ").append(section.consoleName()).append(". ");
        secrets.forEach((name, clear) -> message.append(clear.isEmpty() ? "Removed " : "Replaced ")
                .append(name.consoleName()).append(". "));
        events.publishEvent(AdministratorActed.by(actor, "/operator/configure" + section.consoleName(),
                Map.of("message", message.toString()), clock.instant()));
    }

    /** Sets a section without an acting administrator (demo data, tests); validated the same way. */
    @Transactional
    public <T extends Record> void initialise(long operatorId, Section<T> section, T value, Map<SecretName, String> secrets) {
        store(operatorId, section, value, secrets);
    }

    private <T extends Record> void store(long operatorId, Section<T> section, T value, Map<SecretName, String> secrets) {
        validate(operatorId, section, value);
        repository.saveSection(operatorId, section.storageName(), json.writeValueAsString(value), clock.instant());
        if (section.equals(Section.TANDC)) {
            forgetTerms();
        }
        secrets.forEach((name, clear) -> {
            if (clear.length() > 1000) {
                throw PorticoException.invalid(name.consoleName(), name.consoleName() + " must be at most 1000 characters.");
            }
            if (clear.isEmpty()) {
                repository.deleteSecret(operatorId, name.name());
            } else {
                repository.saveSecret(operatorId, name.name(), box.seal(clear), clock.instant());
            }
        });
    }

    /**
     * Sets the terms and conditions of one supported locale (configureTandC, DomainAdministrators
     * only). Text with scripts, event handlers, javascript: URLs or other active content is refused.
     */
    @Transactional
    public String configureTandC(Actor actor, @Nullable String locale, @Nullable String text) {
        actor.require(Permission.MANAGE_OPERATOR);
        String code = supportedLocale(actor.operatorId(), locale);
        if (text == null || text.isBlank()) {
            throw PorticoException.invalid("termsAndConditions", "{termsAndConditions} is required.");
        }
        if (text.length() > 200_000) {
            throw PorticoException.invalid("termsAndConditions", "{termsAndConditions} must be at most 200000 characters.");
        }
        ActiveContentCheck.requireFormattingOnly("termsAndConditions", text);
        Map<String, String> byLocale = new LinkedHashMap<>(section(actor.operatorId(), Section.TANDC).byLocale());
        byLocale.put(code, text);
        repository.saveSection(actor.operatorId(), Section.TANDC.storageName(),
                json.writeValueAsString(new Section.TermsAndConditions(byLocale)), clock.instant());
        forgetTerms();
        events.publishEvent(AdministratorActed.by(actor, "/equipment/configureTandC",
                Map.of("message", "Updated TandC." + code + " (" + text.length() + " characters). "), clock.instant()));
        return text;
    }

    /**
     * Replaces the email templates of one supported locale (kept when {@code templates} is null) and
     * sets the brand colour when given; every text in them must be formatting only.
     */
    @Transactional
    public void configureEmailTemplates(Actor actor, @Nullable String locale, @Nullable Map<String, Object> templates,
                                        @Nullable String brandColor) {
        actor.require(Permission.MANAGE_OPERATOR);
        String code = supportedLocale(actor.operatorId(), locale);
        Sections.Email email = section(actor.operatorId(), Section.EMAIL);
        Map<String, Map<String, Object>> all = new LinkedHashMap<>(email.templates());
        if (templates != null) {
            all.put(code, templates);
        }
        Sections.Email changed = new Sections.Email(brandColor == null ? email.brandColor() : brandColor,
                email.emailFromArn(), email.suppressSubscriberEmails(), email.dkimStatus(), email.dkimLastKeyGeneration(),
                email.dkimAttributes(), all);
        update(actor, Section.EMAIL, changed, Map.of());
    }

    private String supportedLocale(long operatorId, @Nullable String locale) {
        if (locale == null || locale.isBlank()) {
            throw PorticoException.invalid("locale", "locale is required.");
        }
        String code = locale.strip().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> supported = section(operatorId, Section.LOCALES).supported();
        if (!supported.containsKey(code)) {
            throw PorticoException.invalid("locale", "locale '" + locale + "' is not supported by this operator; use one of "
                    + String.join(", ", supported.keySet()) + ".");
        }
        return code;
    }

    private <T extends Record> void validate(long operatorId, Section<T> section, T value) {
        if (value instanceof Sections.PlanDefaults defaults) {
            requirePlan(operatorId, "wiredPlusWirelessPlanId", defaults.wiredPlusWirelessPlanId());
            requirePlan(operatorId, "localWirelessPlanId", defaults.localWirelessPlanId());
        }
        if (value instanceof Sections.Profile profile && !profile.propertyManagementGroupId().isEmpty()
                && tenants.listClients(operatorId).stream().noneMatch(c -> c.key().equals(profile.propertyManagementGroupId()))) {
            throw PorticoException.invalid("managementGroupClient", "{managementGroupClient} '"
                    + profile.propertyManagementGroupId() + "' is not a client of this operator.");
        }
        if (value instanceof Section.TermsAndConditions terms) {
            terms.byLocale().forEach((locale, text) -> {
                supportedLocale(operatorId, locale);
                ActiveContentCheck.requireFormattingOnly("termsAndConditions", text);
            });
        }
        if (value instanceof Sections.Email email) {
            email.templates().forEach((locale, template) -> {
                supportedLocale(operatorId, locale);
                checkTemplate("emailTemplates." + locale, template);
            });
        }
    }

    private static void checkTemplate(String path, Object node) {
        if (node instanceof String text) {
            ActiveContentCheck.requireFormattingOnly(path, text);
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((key, child) -> checkTemplate(path + "." + key, child));
        } else if (node instanceof Iterable<?> list) {
            list.forEach(child -> checkTemplate(path, child));
        }
    }

    private void requirePlan(long operatorId, String field, String planKey) {
        if (!planKey.isEmpty() && plans.findByKey(operatorId, planKey).isEmpty()) {
            throw PorticoException.invalid(field, PorticoException.ref(field) + " '" + planKey + "' is not a service plan of this operator.");
        }
    }

    /** Forgets the cached terms (changes are rare), now and again after the current transaction completes. */
    private void forgetTerms() {
        terms.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    terms.invalidateAll();
                }
            });
        }
    }

    private <T extends Record> T read(Map<String, String> stored, Section<T> section) {
        String text = stored.get(section.storageName());
        return text == null ? section.defaults() : json.readValue(text, section.type());
    }
}
