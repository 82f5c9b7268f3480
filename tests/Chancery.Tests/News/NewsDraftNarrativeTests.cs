using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.News;

/// <summary>
/// The draft tells an event the way a mission's own news item does (docs/news.md §The draft): held at the mission,
/// who came (the corps in the city, the circles invited, the citizens living there), then the programme in its order,
/// an item a sentence, each speaker with rank and honours. A commemoration at a fictional Embassy of Kazakhstan in
/// Beijing, with fictional people, read in English and in French.
/// </summary>
public abstract class NewsDraftNarrativeTests(string provider) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private sealed record Held(Guid MissionId, Guid EventId, HttpClient Office, HttpClient Press, string OfficeEmail);

    private async Task<Held> HoldAsync()
    {
        var mission = await _app.CreateMissionAsync("Embassy of Kazakhstan to the People's Republic of China");
        await _app.WithDbAsync(async db =>
            await db.Missions.IgnoreQueryFilters().Where(m => m.Id == mission.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Country, "Kazakhstan").SetProperty(m => m.City, "Beijing")));
        var email = $"protocol-{Guid.NewGuid():N}@embassy.example";
        var office = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol, email));
        async Task<Guid> Person(object body)
        {
            var r = await office.PostAsJsonAsync("/api/contacts", body);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return Guid.Parse((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        var larsen = await Person(new { honorific = "H.E. Ms.", firstName = "Ingrid", lastName = "Larsen", position = "Ambassador", headOfMissionClass = "Ambassador", credentialsPresented = "2023-05-02", category = "Diplomatic corps", organization = new { name = "Royal Norwegian Embassy", type = "Embassy", country = "Norway" } });
        var li = await Person(new { honorific = "Prof.", firstName = "Li", lastName = "Ming", category = "Scientific circles", language = "en" });
        var bekova = await Person(new { firstName = "Aigerim", lastName = "Bekova", category = "Citizens" });
        var omarov = await Person(new { honorific = "Colonel", firstName = "Daniyar", lastName = "Omarov", position = "Military Attaché", gender = "Male", category = "Citizens" });

        var e = await (await office.PostAsJsonAsync("/api/events", new { title = "Day of Remembrance", kind = "Commemoration", startsAt = "2026-12-10T11:00", timeZone = "Asia/Shanghai", venue = "Courtyard of the Embassy" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var eventId = Guid.Parse(e.GetProperty("id").GetString()!);
        (await office.PutAsJsonAsync($"/api/events/{eventId}", new { title = "Day of Remembrance", startsAt = "2026-12-10T11:00", timeZone = "Asia/Shanghai", venue = "Courtyard of the Embassy", languages = (string[])["en", "fr"] })).EnsureSuccessStatusCode();
        (await office.PutAsJsonAsync($"/api/events/{eventId}/texts/fr", new { title = "Journée du souvenir", venue = "Cour de l'Ambassade" })).EnsureSuccessStatusCode();
        async Task Programme(object item) => (await office.PostAsJsonAsync($"/api/events/{eventId}/programme", item)).EnsureSuccessStatusCode();
        await Programme(new { title = "Arrival of guests", titles = new Dictionary<string, string> { ["fr"] = "Arrivée des invités" } });
        await Programme(new { title = "Laying of a wreath at the bas-relief", titles = new Dictionary<string, string> { ["fr"] = "Dépôt d'une gerbe devant le bas-relief" } });
        await Programme(new { title = "Minute of silence", titles = new Dictionary<string, string> { ["fr"] = "Minute de silence" } });
        await Programme(new { title = "Account of the events", speakerContactId = omarov, titles = new Dictionary<string, string> { ["fr"] = "Récit des événements" } });
        await Programme(new { title = "Address", speaker = "Ambassador of Kazakhstan to China, H.E. Nurlan Seitkali", titles = new Dictionary<string, string> { ["fr"] = "Allocution" } });
        await Programme(new { title = "Photo exhibition of articles from the international press", titles = new Dictionary<string, string> { ["fr"] = "Exposition de photos d'articles de la presse internationale" } });

        (await office.PostAsJsonAsync($"/api/events/{eventId}/guests", new { contactIds = new[] { larsen, li, bekova } })).EnsureSuccessStatusCode();
        foreach (var g in (await office.GetFromJsonAsync<JsonElement[]>($"/api/events/{eventId}/guests"))!)
        {
            var guest = Guid.Parse(g.GetProperty("id").GetString()!);
            (await office.PutAsJsonAsync($"/api/events/{eventId}/guests/{guest}", new { rsvp = "accepted" })).EnsureSuccessStatusCode();
            var (signed, _, _) = await _app.GuestCodesAsync(mission.Id, eventId, guest);
            (await office.PostAsJsonAsync($"/api/events/{eventId}/checkin", new { code = signed, station = "Gate" })).EnsureSuccessStatusCode();
        }
        var press = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Press));
        return new(mission.Id, eventId, office, press, email);
    }

    private static async Task<(string Title, string Body)> DraftAsync(HttpClient press, Guid eventId, string language)
    {
        var response = await press.PostAsync($"/api/events/{eventId}/news/draft?language={language}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var d = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (d.GetProperty("title").GetString()!, d.GetProperty("body").GetString()!);
    }

    [Fact]
    public async Task The_English_draft_tells_the_event_as_the_mission_would()
    {
        var h = await HoldAsync();

        var (title, body) = await DraftAsync(h.Press, h.EventId, "en");

        Assert.Equal("Day of Remembrance", title);
        // At the mission, by its name, not at the corner of it the card names.
        Assert.Contains("Day of Remembrance was held at the Embassy of Kazakhstan to the People's Republic of China on 10 December 2026.", body);
        Assert.DoesNotContain("Courtyard", body);
        // Who came: the corps in the city, the circles invited, the citizens living there.
        Assert.Contains("Members of the diplomatic corps in Beijing, representatives of scientific circles and our citizens living in Beijing attended the event, with one diplomatic mission represented.", body);
        Assert.Contains("Among the guests were H.E. Ms. Ingrid Larsen (Royal Norwegian Embassy).", body);
        // The programme in its order, an item a sentence; the arrival of guests is not news.
        Assert.Contains("The event opened with the laying of a wreath at the bas-relief.\nIt continued with the minute of silence.", body);
        Assert.Contains("Colonel Daniyar Omarov, Military Attaché, took the floor.", body);
        Assert.Contains(@"Ambassador of Kazakhstan to China, H.E. Nurlan Seitkali, took the floor.", body);
        Assert.Contains("It closed with the photo exhibition of articles from the international press.", body);
        Assert.True(body.IndexOf("wreath", StringComparison.Ordinal) < body.IndexOf("Omarov", StringComparison.Ordinal)
            && body.IndexOf("Omarov", StringComparison.Ordinal) < body.IndexOf("Seitkali", StringComparison.Ordinal)
            && body.IndexOf("Seitkali", StringComparison.Ordinal) < body.IndexOf("exhibition", StringComparison.Ordinal), body);
        Assert.DoesNotContain("arrival", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("(address)", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_French_draft_names_the_mission_and_the_organizations_in_French_and_the_office_can_record_a_name()
    {
        var h = await HoldAsync();

        var (title, fr) = await DraftAsync(h.Press, h.EventId, "fr");

        Assert.Equal("Journée du souvenir", title);
        // Made from the kind and CLDR's name of the country: « du » before a masculine name, « de » before a feminine one.
        Assert.Contains("s'est tenu le 10 décembre 2026 à l'Ambassade du Kazakhstan.", fr);
        Assert.Contains("Ingrid Larsen (Ambassade de Norvège)", fr);
        Assert.Contains("Des membres du corps diplomatique en poste à Beijing", fr);
        Assert.Contains("nos compatriotes résidant à Beijing", fr);
        Assert.Contains("En ouverture : dépôt d'une gerbe devant le bas-relief.\nEnsuite : minute de silence.", fr);
        Assert.Contains("Daniyar Omarov a pris la parole.", fr); // his position is written in English: left out, not mixed in
        Assert.Contains("Pour conclure : exposition de photos d'articles de la presse internationale.", fr);
        // The speaker the officer typed in English is theirs to put in French: marked, and the mark explained.
        Assert.Contains("Ambassador of Kazakhstan to China, H.E. Nurlan Seitkali †, a pris la parole.", fr);
        Assert.Contains("† Nom à vérifier avant publication", fr);
        foreach (var english in new[] { "Embassy", "Military Attaché", "Minute of silence", "Courtyard", "Arrival" })
        {
            Assert.DoesNotContain(english, fr);
        }

        // The office records the French name it uses; the draft then uses it.
        var organizationId = await _app.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.MissionId == h.MissionId && o.Name == "Royal Norwegian Embassy").Select(o => o.Id).SingleAsync());
        using var staff = await StaffSession.SignInAsync(_app, h.OfficeEmail);
        var page = await staff.GetPageAsync($"/staff/organizations/edit/{organizationId}");
        Assert.Equal("Ambassade de Norvège", page.QuerySelector("#name-fr")!.GetAttribute("placeholder")); // what is used when none is recorded
        Assert.Null(page.QuerySelector("#name-en")); // the language it is written in
        var saved = await staff.SubmitAsync($"/staff/organizations/edit/{organizationId}", "main form", new() { ["Input.Names[fr]"] = "Ambassade royale de Norvège" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Ingrid Larsen (Ambassade royale de Norvège)", (await DraftAsync(h.Press, h.EventId, "fr")).Body);

        // And the mission its own name: an administrator records it with the mission's settings.
        using var admin = await StaffSession.SignInAsync(_app, await _app.CreateUserAsync(h.MissionId, MissionRole.Admin));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/staff/missions", "#mission-settings", new() { ["Settings.Names[fr]"] = "Ambassade de la République du Kazakhstan" })).StatusCode);
        Assert.Contains("s'est tenu le 10 décembre 2026 à l'Ambassade de la République du Kazakhstan.", (await DraftAsync(h.Press, h.EventId, "fr")).Body);
    }
}

public sealed class NewsDraftNarrativeTestsOnSqlite() : NewsDraftNarrativeTests(DatabaseSetup.Sqlite);

public sealed class NewsDraftNarrativeTestsOnPostgres() : NewsDraftNarrativeTests(DatabaseSetup.Postgres);
