package com.nimriz.hub.api;

import com.nimriz.hub.destination.Destination;
import com.nimriz.hub.destination.Region;
import com.nimriz.hub.event.EventType;
import com.nimriz.hub.workspace.Plan;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The destination types the hub offers, with the plan each needs. */
@RestController
class CatalogController {

    /** One offered destination type. */
    record Entry(
            String type,
            String name,
            String description,
            Plan planRequired,
            List<Region> regions,
            List<EventType> eventTypes) {}

    /** The catalog answer. */
    record Catalog(List<Entry> destinations) {}

    @GetMapping("/api/v1/catalog")
    Catalog catalog() {
        return new Catalog(
                List.of(
                        new Entry(
                                Destination.SEGMENT,
                                "Twilio Segment",
                                "Sends link clicks, QR scans and conversions to a Segment source"
                                        + " as track calls.",
                                Plan.SEGMENT_MINIMUM,
                                List.of(Region.values()),
                                List.of(EventType.values()))));
    }
}
