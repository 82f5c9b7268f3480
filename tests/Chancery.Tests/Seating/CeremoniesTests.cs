using Chancery.Domain.Contacts;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;

namespace Chancery.Tests.Seating;

public sealed class CeremoniesTests
{
    private static (Guest, PrecedenceEntry) Ranked(int position, string name, Organization? org, RsvpAnswer rsvp = RsvpAnswer.Accepted)
    {
        var contact = new Contact { LastName = name, Organization = org, OrganizationId = org?.Id };
        var guest = new Guest { Contact = contact, ContactId = contact.Id, Rsvp = rsvp };
        return (guest, new PrecedenceEntry(new PrecedenceCandidate { Id = contact.Id, Name = name }, position, PrecedenceGroup.Other, ""));
    }

    [Fact]
    public void Each_mission_lays_one_wreath_by_its_most_senior_person_in_order_of_precedence()
    {
        var finland = new Organization { Name = "Embassy of Finland", Type = OrganizationType.Embassy };
        var peru = new Organization { Name = "Embassy of Peru", Type = OrganizationType.Embassy };
        var press = new Organization { Name = "Daily News", Type = OrganizationType.Media };
        var ranked = new[] { Ranked(1, "Quispe", peru), Ranked(2, "Virtanen", finland), Ranked(3, "Counsellor of Peru", peru), Ranked(4, "Reporter", press) };

        var wreaths = Ceremonies.WreathLaying(ranked);

        Assert.Equal(["Quispe", "Virtanen"], wreaths.Select(w => w.Guest.Contact!.LastName));
    }

    [Fact]
    public void Guests_speak_in_reverse_order_of_precedence_after_the_hosts_side()
    {
        var ranked = new[] { Ranked(1, "Dean", null), Ranked(2, "Second", null) };
        var programme = new[]
        {
            new ProgrammeItem { Title = "Toast", Speaker = "Dean", SpeakerContactId = ranked[0].Item1.ContactId },
            new ProgrammeItem { Title = "Remarks", Speaker = "Second", SpeakerContactId = ranked[1].Item1.ContactId },
            new ProgrammeItem { Title = "Welcome", Speaker = "H.E. the Ambassador" },
            new ProgrammeItem { Title = "Music" },
        };

        var order = Ceremonies.SpeakingOrder(programme, ranked);

        Assert.Equal(["Welcome", "Remarks", "Toast"], order.Select(o => o.Item.Title));
    }

    [Fact]
    public void The_receiving_line_leaves_out_those_who_declined()
    {
        var ranked = new[] { Ranked(1, "Coming", null), Ranked(2, "Declined", null, RsvpAnswer.Declined), Ranked(3, "Maybe", null, RsvpAnswer.Pending) };

        Assert.Equal(["Coming", "Maybe"], Ceremonies.ReceivingLine(ranked).Select(r => r.Guest.Contact!.LastName));
    }
}
