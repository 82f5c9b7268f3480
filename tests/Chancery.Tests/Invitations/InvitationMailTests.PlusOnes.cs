using System.Net.Http.Json;
using Chancery.Domain.Guests;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Invitations;

/// <summary>Leave to bring more people, given after the invitation went: kept, offered on the guest's page, and on the card.</summary>
public abstract partial class InvitationMailTests
{
    [Fact]
    public async Task Plus_ones_raised_after_the_invitation_went_are_offered_on_the_guests_page_and_said_on_the_card()
    {
        var day = _app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30);
        var (api, id, _) = await EventWithGuestsAsync($"{day:yyyy-MM-dd}T15:00", $"{day:yyyy-MM-dd}T17:00", $"{day.AddDays(-10):yyyy-MM-dd}");
        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var link = RsvpLink().Match((await SendAllAsync()).Single(m => To(m) == Olga).TextBody!).Value;
        using var guest = StaffSession.Anonymous(_app);
        Assert.Null((await guest.GetPageAsync(new Uri(link).AbsolutePath)).QuerySelector("[name=plusOnes]"));

        // The office gives Olga leave to bring two (she asked by phone); she has not answered yet.
        (await api.PutAsJsonAsync($"/api/events/{id}/guests/{await GuestIdAsync(api, id, Olga)}", new { plusOnes = 2 })).EnsureSuccessStatusCode();

        var page = await guest.GetPageAsync(new Uri(link).AbsolutePath);
        Assert.Equal("2", page.QuerySelector("[name=plusOnes]")!.GetAttribute("max"));
        Assert.Contains("Guests you may bring: 2", page.QuerySelector("article.rsvp")!.TextContent);
        await guest.SubmitAsync(new Uri(link).AbsolutePath, "form.rsvp-form", new() { ["response"] = "accept", ["plusOnes"] = "2" });
        var olga = (await api.GetFromJsonAsync<System.Text.Json.JsonElement[]>($"/api/events/{id}/guests?order=name"))!
            .Single(g => g.GetProperty("contact").GetProperty("email").GetString() == Olga);
        Assert.Equal(("accepted", 2), (olga.GetProperty("rsvp").GetString(), olga.GetProperty("plusOnes").GetInt32()));
    }

    [Fact]
    public void Plus_ones_count_as_expected_only_once_the_guest_accepted()
    {
        var counts = GuestCounts.Of([
            new Guest { Rsvp = RsvpAnswer.Pending, PlusOnes = 3 },
            new Guest { Rsvp = RsvpAnswer.Accepted, PlusOnes = 1 },
        ]);
        Assert.Equal((1, 3), (counts.PlusOnes, counts.People));
    }
}
