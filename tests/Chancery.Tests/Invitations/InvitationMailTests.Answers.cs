using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Invitations;

/// <summary>Reminders one per round, and the capacity's waiting list: through the API, the guest's page and a real SMTP server.</summary>
public abstract partial class InvitationMailTests
{
    private const string Wang = "wang.wei@china.example.org", Rana = "rana.alkhatib@jordan.example.org",
        Nwosu = "amara.nwosu@who.example.int", Olga = "olga.ivanova@russia.example.org";

    private static string To(MimeKit.MimeMessage m) => m.To.Mailboxes.Single().Address;

    private static async Task<string> GuestIdAsync(HttpClient api, string id, string email) =>
        (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests?order=name"))!
            .Single(g => g.GetProperty("contact").GetProperty("email").GetString() == email).GetProperty("id").GetString()!;

    private Task<string> RsvpOfAsync(string id, string email) => _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters()
        .Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == email).Select(g => g.Rsvp.ToString()).SingleAsync());

    [Fact]
    public async Task A_reminder_goes_once_a_day_to_each_guest_invited_who_has_not_answered_with_the_same_link()
    {
        var day = _app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30);
        var (api, id, missionId) = await EventWithGuestsAsync($"{day:yyyy-MM-dd}T15:00", $"{day:yyyy-MM-dd}T17:00", $"{day.AddDays(-10):yyyy-MM-dd}");
        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var invitations = await SendAllAsync();
        (await api.PutAsJsonAsync($"/api/events/{id}/guests/{await GuestIdAsync(api, id, Nwosu)}", new { rsvp = "declined" })).EnsureSuccessStatusCode();

        var first = await (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { reminder = true })).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { reminder = true })).Content.ReadFromJsonAsync<JsonElement>();
        var reminders = await SendAllAsync();

        Assert.Equal((9, 1), (first.GetProperty("queued").GetInt32(), first.GetProperty("answered").GetInt32()));
        Assert.Equal((0, 9), (again.GetProperty("queued").GetInt32(), again.GetProperty("remindedThisRound").GetInt32()));
        Assert.Equal(9, reminders.Count);
        Assert.DoesNotContain(reminders, m => To(m) == Nwosu);
        var wang = reminders.Single(m => To(m) == Wang);
        Assert.StartsWith("提醒：", wang.Subject);
        Assert.Contains("我们尚未收到您的回复", wang.TextBody);
        var olga = reminders.Single(m => To(m) == Olga);
        Assert.StartsWith("Reminder: ", olga.Subject);
        Assert.Equal(RsvpLink().Match(invitations.Single(m => To(m) == Olga).TextBody!).Value, RsvpLink().Match(olga.TextBody!).Value);
        Assert.NotEqual(invitations.Single(m => To(m) == Olga).MessageId, olga.MessageId);

        // The next day is a new round: a reminder to a chosen guest goes; one to a guest who has answered does not.
        var (olgaId, nwosuId) = (await GuestIdAsync(api, id, Olga), await GuestIdAsync(api, id, Nwosu));
        _app.Clock.Advance(TimeSpan.FromDays(1));
        api = await _app.ApiClientAsync(await _app.CreateUserAsync(missionId, Chancery.Domain.Missions.MissionRole.Protocol)); // a day later: a new session
        var chosen = await (await api.PostAsJsonAsync($"/api/events/{id}/invitations",
            new { reminder = true, guestIds = new[] { olgaId, nwosuId } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1), (chosen.GetProperty("queued").GetInt32(), chosen.GetProperty("answered").GetInt32()));
        Assert.Equal([Olga], (await SendAllAsync()).Select(To));
        var status = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/invitations"))!;
        Assert.Equal(2, status.Single(s => s.GetProperty("guestId").GetString() == olgaId).GetProperty("reminders").GetInt32());

        // Once answers have closed, a reminder would ask for what the page no longer takes.
        _app.Clock.Advance(TimeSpan.FromDays(25));
        api = await _app.ApiClientAsync(await _app.CreateUserAsync(missionId, Chancery.Domain.Missions.MissionRole.Protocol));
        var late = await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { reminder = true });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("reminder", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_yes_that_does_not_fit_waits_for_a_place_which_the_office_gives_and_the_guest_is_told()
    {
        var day = _app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30);
        var (api, id, _) = await EventWithGuestsAsync($"{day:yyyy-MM-dd}T15:00", $"{day:yyyy-MM-dd}T17:00", $"{day.AddDays(-10):yyyy-MM-dd}");
        // Room for three people: Wang and his wife, and one more.
        await _app.WithDbAsync(db => db.Events.IgnoreQueryFilters().Where(e => e.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, 3)));
        await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.EventId == Guid.Parse(id) && g.Contact!.Email == Wang)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.WithPartner, true)));
        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var mail = await SendAllAsync();
        string LinkOf(string address) => "/rsvp/" + RsvpLink().Match(mail.Single(m => To(m) == address).TextBody ?? "").Groups[1].Value;
        using var guest = StaffSession.Anonymous(_app);

        await guest.SubmitAsync(LinkOf(Wang), "form.rsvp-form", new() { ["response"] = "accept", ["withPartner"] = "true" });
        // Two guests take the last place at the same moment: one has it, the other waits.
        await Task.WhenAll(
            guest.SubmitAsync(LinkOf(Rana), "form.rsvp-form", new() { ["response"] = "accept" }),
            guest.SubmitAsync(LinkOf(Nwosu), "form.rsvp-form", new() { ["response"] = "accept" }));
        var answers = new[] { await RsvpOfAsync(id, Rana), await RsvpOfAsync(id, Nwosu) };
        Assert.Equal("Accepted", await RsvpOfAsync(id, Wang));
        Assert.Equal(["Accepted", "Waitlisted"], answers.Order());
        var (waiting, expected) = answers[0] == "Waitlisted" ? (Rana, Nwosu) : (Nwosu, Rana);

        // The waiting guest is told so on their page, with no door code; the list says "waitlisted".
        var page = await guest.GetPageAsync(LinkOf(waiting));
        Assert.NotNull(page.QuerySelector(".confirm"));
        Assert.Null(page.QuerySelector(".door-pass"));
        var waitingId = await GuestIdAsync(api, id, waiting);
        var onList = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests"))!.Single(g => g.GetProperty("id").GetString() == waitingId);
        Assert.Equal("waitlisted", onList.GetProperty("rsvp").GetString());
        // Answering yes again on their own page does not jump the list.
        await guest.SubmitAsync(LinkOf(waiting), "form.rsvp-form", new() { ["response"] = "accept", ["note"] = "still hoping" });
        Assert.Equal("Waitlisted", await RsvpOfAsync(id, waiting));

        // An expected guest whose party would grow past the capacity keeps the answer they had.
        var grow = await api.PutAsJsonAsync($"/api/events/{id}/guests/{await GuestIdAsync(api, id, expected)}", new { plusOnes = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, grow.StatusCode);
        Assert.Contains("plusOnes", await grow.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // A yes taken by phone from someone new waits too.
        var phoned = await (await api.PutAsJsonAsync($"/api/events/{id}/guests/{await GuestIdAsync(api, id, Olga)}", new { rsvp = "accepted" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("waitlisted", phoned.GetProperty("rsvp").GetString());

        // The office gives the first waiting guest the place (over the capacity: its decision); they are e-mailed their door code.
        Assert.Empty(await SendAllAsync());
        var promoted = await (await api.PutAsJsonAsync($"/api/events/{id}/guests/{waitingId}", new { rsvp = "accepted" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", promoted.GetProperty("rsvp").GetString());
        var told = Assert.Single(await SendAllAsync());
        Assert.Equal(waiting, To(told));
        Assert.Matches(TypedCodeLine(), told.TextBody);
        Assert.Contains(told.BodyParts.OfType<MimeKit.MimePart>(), p => p.ContentType.IsMimeType("image", "png"));
        Assert.NotNull((await guest.GetPageAsync(LinkOf(waiting))).QuerySelector(".door-pass"));
    }

    [Fact]
    public async Task Each_plus_one_named_on_the_guests_page_gets_a_door_code_of_their_own()
    {
        var day = _app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30);
        var (api, id, _) = await EventWithGuestsAsync($"{day:yyyy-MM-dd}T15:00", $"{day:yyyy-MM-dd}T17:00", $"{day.AddDays(-10):yyyy-MM-dd}");
        (await api.PutAsJsonAsync($"/api/events/{id}/guests/{await GuestIdAsync(api, id, Rana)}", new { plusOnes = 2 })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var mail = await SendAllAsync();
        var link = "/rsvp/" + RsvpLink().Match(mail.Single(m => To(m) == Rana).TextBody ?? "").Groups[1].Value;
        using var guest = StaffSession.Anonymous(_app);

        await guest.SubmitAsync(link, "form.rsvp-form", new() { ["response"] = "accept", ["plusOnes"] = "2", ["plusOneNames"] = "Anna Virtanen، 李明" });

        var page = await guest.GetPageAsync(link);
        var companions = page.QuerySelectorAll(".door-pass.companion");
        Assert.Equal(["Anna Virtanen", "李明"], companions.Select(c => c.QuerySelector("h3")!.TextContent));
        var codes = page.QuerySelectorAll(".typed-code").Select(c => c.TextContent).ToList();
        Assert.Equal(3, codes.Count);
        Assert.Equal(3, codes.Distinct().Count());
        Assert.All(companions, c => Assert.StartsWith("data:image/png;base64,", c.QuerySelector("img")!.GetAttribute("src")));
    }

    [Fact]
    public async Task An_old_link_of_a_guest_taken_off_the_list_finds_nothing()
    {
        var day = _app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30);
        var (api, id, missionId) = await EventWithGuestsAsync($"{day:yyyy-MM-dd}T15:00", $"{day:yyyy-MM-dd}T17:00", $"{day.AddDays(-10):yyyy-MM-dd}");
        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var mail = await SendAllAsync();
        var link = "/rsvp/" + RsvpLink().Match(mail.Single(m => To(m) == Olga).TextBody ?? "").Groups[1].Value;
        using var guest = StaffSession.Anonymous(_app);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await guest.Client.GetAsync(link)).StatusCode);

        using (var scope = _app.BackgroundScope(missionId))
        {
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Chancery.Domain.Guests.GuestList>(scope.ServiceProvider)
                .RemoveAsync(Guid.Parse(id), [Guid.Parse(await GuestIdAsync(api, id, Olga))]);
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await guest.Client.GetAsync(link)).StatusCode);
    }
}
