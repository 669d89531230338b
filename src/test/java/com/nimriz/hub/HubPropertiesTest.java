package com.nimriz.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class HubPropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    ConfigurationPropertiesAutoConfiguration.class,
                                    ValidationAutoConfiguration.class))
                    .withUserConfiguration(Settings.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HubProperties.class)
    static class Settings {}

    @Test
    void runsEmbeddedWithTheLocalDefaults() {
        runner.run(
                context -> {
                    HubProperties properties = context.getBean(HubProperties.class);

                    assertThat(properties.embeddedKafka()).isTrue();
                    assertThat(properties.api().token()).isEqualTo(HubProperties.LOCAL_API_TOKEN);
                    assertThat(properties.topics().events()).isEqualTo("nimriz.events");
                    assertThat(properties.kafka().eventsPartitions()).isEqualTo(6);
                });
    }

    @Test
    void flagsBothLocalSecretsAsUnsafeInALocalRun() {
        runner.run(
                context -> {
                    HubProperties properties = context.getBean(HubProperties.class);

                    assertThat(LocalDefaults.warnings(properties))
                            .hasSize(2)
                            .allSatisfy(warning -> assertThat(warning).contains("unsafe"));
                });
    }

    @Test
    void flagsNothingOnceRealSecretsAreSet() {
        runner.withPropertyValues(
                        "hub.api.token=s3cret-token",
                        "hub.crypto.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .run(
                        context ->
                                assertThat(
                                                LocalDefaults.warnings(
                                                        context.getBean(HubProperties.class)))
                                        .isEmpty());
    }

    @Test
    void refusesTheLocalApiTokenWhenPointedAtARealCluster() {
        runner.withPropertyValues(
                        "hub.kafka.brokers=kafka-1:9092",
                        "hub.crypto.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .run(
                        context ->
                                assertThat(context)
                                        .getFailure()
                                        .rootCause()
                                        .hasMessageContaining("hub.api.token"));
    }

    @Test
    void refusesTheLocalCryptoKeyWhenPointedAtARealCluster() {
        runner.withPropertyValues("hub.kafka.brokers=kafka-1:9092", "hub.api.token=s3cret-token")
                .run(
                        context ->
                                assertThat(context)
                                        .getFailure()
                                        .rootCause()
                                        .hasMessageContaining("hub.crypto.key"));
    }

    @Test
    void startsAgainstARealClusterWithRealSecrets() {
        runner.withPropertyValues(
                        "hub.kafka.brokers=kafka-1:9092",
                        "hub.api.token=s3cret-token",
                        "hub.crypto.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .run(
                        context ->
                                assertThat(context.getBean(HubProperties.class).embeddedKafka())
                                        .isFalse());
    }

    @Test
    void refusesACryptoKeyThatIsNotAnAesKey() {
        runner.withPropertyValues("hub.crypto.key=c2hvcnQ=")
                .run(
                        context ->
                                assertThat(context)
                                        .getFailure()
                                        .rootCause()
                                        .hasMessageContaining("hub.crypto.key"));
    }

    @Test
    void namesTheKeyOfAnInvalidSetting() {
        runner.withPropertyValues("hub.kafka.events-partitions=0")
                .run(
                        context -> {
                            assertThat(context).hasFailed();
                            assertThatThrownBy(
                                            () -> {
                                                throw context.getStartupFailure();
                                            })
                                    .hasStackTraceContaining("hub.kafka.eventsPartitions")
                                    .hasStackTraceContaining("must be greater than or equal to 1");
                        });
    }
}
