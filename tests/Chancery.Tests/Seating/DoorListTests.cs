using Chancery.Domain.Contacts;
using Chancery.Domain.Guests;

namespace Chancery.Tests.Seating;

public sealed class DoorListTests
{
    private static Guest G(string? first, string last, string? latin = null, RsvpAnswer rsvp = RsvpAnswer.Pending) => new()
    {
        Contact = new Contact { FirstName = first, LastName = last, LatinName = latin },
        Rsvp = rsvp,
    };

    [Fact]
    public void Names_in_other_scripts_file_under_their_Latin_letters_with_the_original_beside_them()
    {
        var rows = DoorList.Build([G("Olga", "Ivanova"), G("ნინო", "ბერიძე"), G("伟", "王"), G("José", "Quispe Mamani"), G("رنا", "الخطيب", latin: "Al-Khatib, Rana")], new Dictionary<Guid, int>());

        Assert.Equal(["Al-Khatib, Rana", "Beridze, Nino", "Ivanova, Olga", "Quispe Mamani, José", "Wang, Wei"], rows.Select(r => r.LatinName));
        Assert.Equal("ნინო ბერიძე", rows[1].OriginalName);
        Assert.Null(rows[3].OriginalName); // already Latin, accents and all
        Assert.Equal("B", rows[1].Initial);
    }

    [Fact]
    public void Declined_guests_are_not_on_the_door_list()
    {
        var rows = DoorList.Build([G("A", "Coming", rsvp: RsvpAnswer.Accepted), G("B", "Declined", rsvp: RsvpAnswer.Declined)], new Dictionary<Guid, int>());

        Assert.Equal(["Coming, A"], rows.Select(r => r.LatinName));
    }
}
