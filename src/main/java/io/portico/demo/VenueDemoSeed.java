package io.portico.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.VenueService;

/** Demo venues: five sites spread over the two demo clients, in three US time zones. */
@Component
class VenueDemoSeed implements DemoSeed {

    private final VenueService venues;

    VenueDemoSeed(VenueService venues) {
        this.venues = venues;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void seed(DemoContext context) {
        var clients = context.clients();
        record Site(int client, String name, Address address, String zone) { }
        List<Site> sites = List.of(
                new Site(0, "Harbor Lofts", new Address("1 Harbor Way", "", "Boston", "MA", "02110", "USA"), "America/New_York"),
                new Site(0, "Mill Street Apartments", new Address("200 Mill St", "Building A", "Cambridge", "MA", "02139", "USA"), "America/New_York"),
                new Site(0, "Lakeside Commons", new Address("75 Lake Shore Dr", "", "Chicago", "IL", "60601", "USA"), "America/Chicago"),
                new Site(1, "Summit Arena", new Address("500 Arena Blvd", "", "Denver", "CO", "80204", "USA"), "America/Denver"),
                new Site(1, "Summit Conference Center", new Address("12 Summit Plaza", "Suite 3", "Addison", "TX", "75001", "USA"), "America/Chicago"));
        for (Site site : sites) {
            venues.add(context.operator().id(), new NewVenue(clients.get(site.client()).id(), site.name(), site.address(),
                    NewVenue.zone(site.zone()), ""));
        }
    }
}
