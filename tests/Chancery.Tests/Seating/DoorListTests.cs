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

        // The Arabic article aside, al-Khatib files under K, as English-language lists file it.
        Assert.Equal(["Beridze, Nino", "Ivanova, Olga", "Al-Khatib, Rana", "Quispe Mamani, José", "Wang, Wei"], rows.Select(r => r.LatinName));
        Assert.Equal("ნინო ბერიძე", rows[0].OriginalName);
        Assert.Equal("王伟", rows[4].OriginalName); // in its own order: family name first, no space
        Assert.Null(rows[3].OriginalName); // already Latin, accents and all
        Assert.Equal(["B", "I", "K", "Q", "W"], rows.Select(r => r.Initial));
    }

    [Fact]
    public void Declined_guests_are_not_on_the_door_list()
    {
        var rows = DoorList.Build([G("A", "Coming", rsvp: RsvpAnswer.Accepted), G("B", "Declined", rsvp: RsvpAnswer.Declined)], new Dictionary<Guid, int>());

        Assert.Equal(["Coming, A"], rows.Select(r => r.LatinName));
    }
}
