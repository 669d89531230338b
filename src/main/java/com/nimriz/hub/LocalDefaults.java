package com.nimriz.hub;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flags, at start-up, the built-in local secrets a local run may use. Outside the embedded mode
 * {@link HubProperties} refuses them outright.
 */
@Component
class LocalDefaults {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDefaults.class);

    LocalDefaults(HubProperties properties) {
        for (String warning : warnings(properties)) {
            LOG.warn(warning);
        }
    }

    /** One sentence per setting that still has its unsafe local default. */
    static List<String> warnings(HubProperties properties) {
        List<String> warnings = new ArrayList<>();
        if (HubProperties.LOCAL_API_TOKEN.equals(properties.api().token())) {
            warnings.add(
                    "hub.api.token is the built-in local default: fine for this local run,"
                            + " unsafe anywhere else");
        }
        if (HubProperties.LOCAL_CRYPTO_KEY.equals(properties.crypto().key())) {
            warnings.add(
                    "hub.crypto.key is the built-in local default: write keys stored now are"
                            + " not protected; unsafe anywhere else");
        }
        return warnings;
    }
}
