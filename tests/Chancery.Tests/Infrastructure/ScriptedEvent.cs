using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;

namespace Chancery.Tests.Infrastructure;

/// <summary>
/// A reception held from start to finish through the API, for the report and what is written from it: ten people
/// of names-in-six-scripts.csv in a mission of its own; Wang, Yamada, Olga, Liu and Amara accept, Kovács with a
/// plus-one, Kim declines, Beridze never answers, and the ambassador of Jordan sends her First Secretary (Adnan,
/// kept off the list until then). At the door: everyone who accepted but Yamada, Kovács's plus-one, the deputy,
/// and a walk-in whose name carries markup and whose organization a spreadsheet would take for a formula. A year
/// before, a reception of the same kind with Wang alone, who came.
/// </summary>
public sealed record ScriptedEvent(HttpClient Office, Guid MissionId, Guid EventId)
{
    private static async Task<Guid> EventAsync(HttpClient office, string title, DateTime day)
    {
        var e = await (await office.PostAsJsonAsync("/api/events", new { title, kind = "Reception", startsAt = $"{day:yyyy-MM-dd}T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return Guid.Parse(e.GetProperty("id").GetString()!);
    }

    private static async Task CheckInAsync(TestApp app, ScriptedEvent h, Guid guest, byte companion = 0)
    {
        var (signed, _, _) = await app.GuestCodesAsync(h.MissionId, h.EventId, guest, companion);
        var scan = await (await h.Office.PostAsJsonAsync($"/api/events/{h.EventId}/checkin", new { code = signed, station = "Main door" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("admitted", scan.GetProperty("result").GetString());
    }

    // Ten people from the directory; the First Secretary of Jordan is kept off the list until he comes in his
    // ambassador's place.
    public static async Task<ScriptedEvent> HoldAsync(TestApp app)
    {
        var mission = await app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var office = await app.ApiClientAsync(await app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await office.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var contacts = (await office.GetFromJsonAsync<JsonElement[]>("/api/contacts?limit=100"))!
            .ToDictionary(c => c.GetProperty("email").GetString()!.Split('@')[0].Split('.')[0], c => Guid.Parse(c.GetProperty("id").GetString()!));
        var day = app.Clock.GetUtcNow().UtcDateTime.Date;

        // Last year's reception of the same kind: one guest, who came.
        var earlier = new ScriptedEvent(office, mission.Id, await EventAsync(office, "Reception 2025", day.AddDays(-300)));
        (await office.PostAsJsonAsync($"/api/events/{earlier.EventId}/guests", new { contactIds = new[] { contacts["wang"] } })).EnsureSuccessStatusCode();
        var earlierGuest = Guid.Parse((await office.GetFromJsonAsync<JsonElement[]>($"/api/events/{earlier.EventId}/guests"))![0].GetProperty("id").GetString()!);
        (await office.PutAsJsonAsync($"/api/events/{earlier.EventId}/guests/{earlierGuest}", new { rsvp = "accepted" })).EnsureSuccessStatusCode();
        await CheckInAsync(app, earlier, earlierGuest);

        var h = new ScriptedEvent(office, mission.Id, await EventAsync(office, "National Day reception", day.AddDays(1)));
        (await office.PostAsJsonAsync($"/api/events/{h.EventId}/guests", new { contactIds = contacts.Where(c => c.Key != "adnan").Select(c => c.Value) })).EnsureSuccessStatusCode();
        var guests = (await office.GetFromJsonAsync<JsonElement[]>($"/api/events/{h.EventId}/guests"))!
            .ToDictionary(g => g.GetProperty("contact").GetProperty("email").GetString()!.Split('@')[0].Split('.')[0], g => Guid.Parse(g.GetProperty("id").GetString()!));
        async Task Answer(string who, string rsvp, int plusOnes = 0) =>
            (await office.PutAsJsonAsync($"/api/events/{h.EventId}/guests/{guests[who]}", new { rsvp, plusOnes })).EnsureSuccessStatusCode();
        foreach (var who in new[] { "wang", "yamada", "olga", "liu", "amara" })
        {
            await Answer(who, "accepted");
        }
        await Answer("kovacs", "accepted", plusOnes: 1);
        await Answer("kim", "declined");
        // The ambassador of Jordan sends her First Secretary.
        var deputy = await (await office.PostAsJsonAsync($"/api/events/{h.EventId}/guests/{guests["rana"]}/substitute", new { contactId = contacts["adnan"] }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var adnan = Guid.Parse(deputy.GetProperty("id").GetString()!);

        foreach (var who in new[] { "wang", "kovacs", "olga", "liu", "amara" })
        {
            await CheckInAsync(app, h, guests[who]);
        }
        await CheckInAsync(app, h, guests["kovacs"], companion: 1);
        await CheckInAsync(app, h, adnan);
        // Someone nobody invited, whose organization a spreadsheet would take for a formula.
        (await office.PostAsJsonAsync($"/api/events/{h.EventId}/walkins", new { firstName = "<b>Jane</b>", lastName = "Doe", organization = "=HYPERLINK(\"https://evil.example\")", category = "Diplomatic corps", station = "Main door" }))
            .EnsureSuccessStatusCode();
        return h;
    }
}
