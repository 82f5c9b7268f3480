using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Door;
using Chancery.Domain.Invitations;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.Door;

/// <summary>API.md "Check-in": every result, exactly once under a race, nonces, an offline station's queue, the scan log.</summary>
public abstract class CheckInTests(string provider) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("PublicBaseUrl", "https://events.embassy.example"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) // not started: a PostgreSQL test skipped here
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private sealed record Door(HttpClient Office, HttpClient Staff, Guid EventId, Guid MissionId, Dictionary<string, Guid> Guests);

    private async Task<Door> EventAsync()
    {
        var mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var office = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("names-in-six-scripts.csv")), "file", "names.csv" } };
        (await office.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await office.PostAsJsonAsync("/api/events", new
        {
            title = "National Day reception",
            startsAt = $"{_app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1):yyyy-MM-dd}T18:00",
            timeZone = "Europe/Helsinki",
            venue = "Residence",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(e.GetProperty("id").GetString()!);
        (await office.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).EnsureSuccessStatusCode();
        var guests = (await office.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests"))!
            .Where(g => g.GetProperty("contact").GetProperty("email").ValueKind == JsonValueKind.String)
            .ToDictionary(g => g.GetProperty("contact").GetProperty("email").GetString()!.Split('@')[0].Split('.')[0], g => Guid.Parse(g.GetProperty("id").GetString()!));
        var staff = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Door));
        return new Door(office, staff, id, mission.Id, guests);
    }

    private async Task<(string Signed, string Typed)> CodesAsync(Door d, Guid guest, byte companion = 0)
    {
        var (signed, typed, _) = await _app.GuestCodesAsync(d.MissionId, d.EventId, guest, companion);
        return (signed, typed);
    }

    private static async Task<JsonElement> ScanAsync(Door d, string code, string station = "Main door", string? nonce = null)
    {
        var response = await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin", new { code, station, nonce, scannedAt = DateTimeOffset.UtcNow });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Result(JsonElement r) => r.GetProperty("result").GetString()!;
    private static string? Reason(JsonElement r) => r.GetProperty("reason").ValueKind == JsonValueKind.String ? r.GetProperty("reason").GetString() : null;

    [Fact]
    public async Task Each_kind_of_scan_gets_its_answer()
    {
        var d = await EventAsync();
        (await d.Office.PutAsJsonAsync($"/api/events/{d.EventId}/guests/{d.Guests["wang"]}", new { rsvp = "accepted", plusOnes = 1 })).EnsureSuccessStatusCode();
        (await d.Office.PutAsJsonAsync($"/api/events/{d.EventId}/guests/{d.Guests["amara"]}", new { rsvp = "declined" })).EnsureSuccessStatusCode();
        (await d.Office.PutAsJsonAsync($"/api/events/{d.EventId}/guests/{d.Guests["olga"]}", new { rsvp = "waitlisted" })).EnsureSuccessStatusCode();
        var wang = await CodesAsync(d, d.Guests["wang"]);

        var admitted = await ScanAsync(d, wang.Signed, "Main door");
        Assert.Equal("admitted", Result(admitted));
        Assert.Equal("王伟", admitted.GetProperty("guest").GetProperty("displayName").GetString()!.Replace("H.E. ", "", StringComparison.Ordinal));
        Assert.Equal("Embassy of China", admitted.GetProperty("guest").GetProperty("organization").GetString());

        // Again, at another station, by the typed code as staff might type it: in already, since when and where.
        var again = await ScanAsync(d, wang.Typed.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), "Garden gate");
        Assert.Equal("alreadyCheckedIn", Result(again));
        Assert.Equal("Main door", again.GetProperty("station").GetString());
        Assert.Equal(admitted.GetProperty("checkedInAt").GetDateTimeOffset(), again.GetProperty("checkedInAt").GetDateTimeOffset());

        // His plus-one comes in on a code of their own; a second plus-one was never announced.
        var companion = await ScanAsync(d, (await CodesAsync(d, d.Guests["wang"], 1)).Signed);
        Assert.Equal(("admitted", 1), (Result(companion), companion.GetProperty("companion").GetInt32()));
        var extra = await ScanAsync(d, (await CodesAsync(d, d.Guests["wang"], 2)).Signed);
        Assert.Equal(("declined", "companionNotExpected"), (Result(extra), Reason(extra)));

        var declined = await ScanAsync(d, (await CodesAsync(d, d.Guests["amara"])).Signed);
        Assert.Equal(("declined", (string?)null), (Result(declined), Reason(declined)));
        var waiting = await ScanAsync(d, (await CodesAsync(d, d.Guests["olga"])).Typed);
        Assert.Equal(("declined", "waitlisted"), (Result(waiting), Reason(waiting)));
        Assert.Equal(("unknown", "notOnList"), (Result(await ScanAsync(d, "ABCD-EFGH-JKMN")), Reason(await ScanAsync(d, "<script>alert(1)</script>"))));
        // A code of another event, however well signed, is unknown here, and said to be another event's.
        var other = await EventAsync();
        var elsewhere = await ScanAsync(d, (await CodesAsync(other, other.Guests["wang"])).Signed);
        Assert.Equal(("unknown", "wrongEvent"), (Result(elsewhere), Reason(elsewhere)));
        // A signed code altered by one character is nobody.
        var tampered = wang.Signed[..^2] + (wang.Signed[^2] == 'A' ? 'B' : 'A') + wang.Signed[^1];
        Assert.Equal("unknown", Result(await ScanAsync(d, tampered)));
        // Whatever the camera read is an answer, never a server error: bad characters, padding, a cut code, a NUL.
        foreach (var misread in new[] { "CH1.@@@@", wang.Signed + "==", wang.Signed[..^4], wang.Signed + "\0", "CH1." })
        {
            Assert.Equal("unknown", Result(await ScanAsync(d, misread)));
        }
        var misreadQueue = await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin/batch", new { station = "Tablet 8", scans = new object[] { new { code = "CH1.@@@@", nonce = "t8-1" } } });
        Assert.Equal(HttpStatusCode.OK, misreadQueue.StatusCode); // one misread scan never fails the station's whole queue
        Assert.Equal(["unknown"], (await misreadQueue.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(Result));

        // The guest list shows who came in, when and where; the log kept every scan, failed ones too.
        var list = (await d.Office.GetFromJsonAsync<JsonElement[]>($"/api/events/{d.EventId}/guests"))!;
        Assert.Equal("Main door", list.Single(g => g.GetProperty("id").GetString() == d.Guests["wang"].ToString()).GetProperty("checkedInBy").GetString());
        var log = await _app.WithDbAsync(db => db.ScanRecords.IgnoreQueryFilters().Where(s => s.EventId == d.EventId).ToListAsync());
        Assert.Equal(16, log.Count); // the misread ones too
        Assert.Contains(log, s => s.Result == CheckInResult.Unknown && s.Code == "<script>alert(1)</script>");
    }

    [Fact]
    public async Task Many_stations_scanning_one_code_at_once_admit_the_guest_once()
    {
        var d = await EventAsync();
        var code = (await CodesAsync(d, d.Guests["rana"])).Signed;

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => ScanAsync(d, code, $"Station {i}")));

        Assert.Single(results, r => Result(r) == "admitted");
        Assert.Equal(15, results.Count(r => Result(r) == "alreadyCheckedIn"));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.EventId == d.EventId)));
    }

    [Fact]
    public async Task Two_servers_scanning_the_same_guests_at_once_admit_each_once_and_tell_the_others_who_was_first()
    {
        var d = await EventAsync();
        // A second server's writer: its own connection and transactions against the same database.
        var other = new ScanBatches(_app.Services.GetRequiredService<IServiceScopeFactory>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ScanBatches>.Instance);
        await other.StartAsync(TestContext.Current.CancellationToken);
        var servers = new[] { _app.Services.GetRequiredService<ScanBatches>(), other };
        try
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(_app.Clock.GetUtcNow().ToUnixTimeMilliseconds()); // as the databases keep it
            var scans = d.Guests.Values.SelectMany(guest => Enumerable.Range(0, 8).Select(i => (Guest: guest, Server: servers[i % 2],
                Request: new ScanBatches.Request(d.MissionId, d.EventId, guest, 0, $"Door {i}", $"{guest:N}-{i}", "(scanned)", at, at.AddMilliseconds(i))))).ToList();

            var answers = await Task.WhenAll(scans.Select(s => Task.Run(() => s.Server.DecideAsync(s.Request))));

            foreach (var guest in d.Guests.Values)
            {
                var theirs = answers.Where((_, i) => scans[i].Guest == guest).ToList();
                var admitted = Assert.Single(theirs, a => a.Result == CheckInResult.Admitted);
                Assert.All(theirs.Where(a => a != admitted), a => Assert.Equal((CheckInResult.AlreadyCheckedIn, admitted.Station, admitted.CheckedInAt), (a.Result, a.Station, a.CheckedInAt)));
                var admission = await _app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().SingleAsync(a => a.GuestId == guest));
                Assert.Equal(admitted.Station, admission.Station);
                var marked = await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.Id == guest).Select(g => new { g.CheckedInBy, g.CheckedInAt }).SingleAsync());
                Assert.Equal((admitted.Station, admitted.CheckedInAt), (marked.CheckedInBy, marked.CheckedInAt));
            }
            Assert.Equal(scans.Count, await _app.WithDbAsync(db => db.ScanRecords.IgnoreQueryFilters().CountAsync(s => s.EventId == d.EventId)));
        }
        finally
        {
            await other.StopAsync(CancellationToken.None);
            other.Dispose();
        }
    }

    [Fact]
    public async Task A_scan_queued_twice_in_one_upload_is_one_log_row_keeping_what_either_copy_knew()
    {
        var d = await EventAsync();
        var rana = await CodesAsync(d, d.Guests["rana"]);
        var scannedAt = DateTimeOffset.FromUnixTimeMilliseconds(_app.Clock.GetUtcNow().AddMinutes(-2).ToUnixTimeMilliseconds());

        var answers = await (await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin/batch", new
        {
            station = "Tablet 5",
            scans = new object[]
            {
                new { code = rana.Typed, nonce = "t5-1" },
                new { code = rana.Typed, nonce = "t5-1", scannedAt, admittedOffline = true },
            },
        })).Content.ReadFromJsonAsync<JsonElement[]>();

        Assert.Equal(["admitted", "admitted"], answers!.Select(Result)); // the second is the first sent again
        var logged = await _app.WithDbAsync(db => db.ScanRecords.IgnoreQueryFilters().SingleAsync(s => s.EventId == d.EventId));
        Assert.Equal(("t5-1", true, scannedAt), (logged.Nonce, logged.AdmittedOffline, logged.ScannedAt));
    }

    [Fact]
    public async Task A_scan_sent_again_with_its_nonce_changes_nothing_and_an_offline_queue_is_answered_in_order()
    {
        var d = await EventAsync();
        var kim = await CodesAsync(d, d.Guests["kim"]);

        var first = await ScanAsync(d, kim.Signed, "Tablet 1", nonce: "t1-0001");
        var retried = await ScanAsync(d, kim.Signed, "Tablet 1", nonce: "t1-0001");
        var other = await ScanAsync(d, kim.Signed, "Tablet 2", nonce: "t2-0001");
        Assert.Equal(("admitted", "admitted", "alreadyCheckedIn"), (Result(first), Result(retried), Result(other)));
        // Another station happening to send the same nonce is not taken for the first one's retry.
        Assert.Equal("alreadyCheckedIn", Result(await ScanAsync(d, kim.Signed, "Tablet 9", nonce: "t1-0001")));

        // A queue with one bad scan is refused whole, naming it, and admits nobody.
        var bad = await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin/batch", new
        {
            scans = new object[] { new { code = (await CodesAsync(d, d.Guests["nino"])).Typed, nonce = "x-1", station = "Tablet 4" }, new { code = "x", nonce = "x-2" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("scans[1].station", await bad.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.GuestId == d.Guests["nino"])));

        // A station back online sends what it queued: answered in order; the guest admitted offline at two stations
        // is in once, and both scans are kept.
        var queue = await (await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin/batch", new
        {
            station = "Tablet 3",
            scans = new object[]
            {
                new { code = (await CodesAsync(d, d.Guests["yamada"])).Typed, nonce = "t3-1", scannedAt = DateTimeOffset.UtcNow.AddMinutes(-5) },
                new { code = kim.Typed, nonce = "t3-2", scannedAt = DateTimeOffset.UtcNow.AddMinutes(-4) },
                new { code = "not a code", nonce = "t3-3", scannedAt = DateTimeOffset.UtcNow.AddMinutes(-3) },
            },
        })).Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal(["admitted", "alreadyCheckedIn", "unknown"], queue!.Select(Result));

        var log = await _app.WithDbAsync(db => db.ScanRecords.IgnoreQueryFilters().Where(s => s.EventId == d.EventId).ToListAsync());
        Assert.Equal(5, log.Count); // the retried nonce once (and the other station's reuse of it not again)
        Assert.Equal(3, log.Count(s => s.GuestId == d.Guests["kim"]));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.GuestId == d.Guests["kim"])));
        // Tablet 3 let Kim in offline before the admission it met: flagged for the protocol officer, with both stations.
        var twice = (await d.Office.GetFromJsonAsync<JsonElement>($"/api/events/{d.EventId}/arrivals")).GetProperty("twice").EnumerateArray().Single();
        Assert.Equal(d.Guests["kim"].ToString(), twice.GetProperty("guestId").GetString());
        Assert.Equal(("Tablet 1", "Tablet 3"), (twice.GetProperty("admittedAt").GetString(), twice.GetProperty("alsoAt").EnumerateArray().Single().GetString()));
    }

    [Fact]
    public async Task A_nonce_sent_again_with_another_code_is_refused_and_never_decides_or_replaces_the_first_scan()
    {
        var d = await EventAsync();
        var (kim, rana, nino) = (await CodesAsync(d, d.Guests["kim"]), await CodesAsync(d, d.Guests["rana"]), await CodesAsync(d, d.Guests["nino"]));
        Assert.Equal("admitted", Result(await ScanAsync(d, kim.Signed, "Tablet 1", nonce: "t1-0007")));

        // The same nonce with Rana's code: not a retry of Kim's scan, and not a fresh answer either.
        var reused = await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin", new { code = rana.Signed, station = "Tablet 1", nonce = "t1-0007" });
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("nonce", await reused.Content.ReadAsStringAsync());

        // In an offline queue the reused nonce is that scan's answer only; the rest of the queue goes through,
        // including two scans in the queue itself sharing a nonce (the first is the scan).
        var queue = await (await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin/batch", new
        {
            station = "Tablet 1",
            scans = new object[]
            {
                new { code = rana.Typed, nonce = "t1-0007" },
                new { code = nino.Typed, nonce = "t1-0008" },
                new { code = rana.Typed, nonce = "t1-0008" },
                new { code = kim.Typed, nonce = "t1-0007" },
            },
        })).Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal([("unknown", "nonceReused"), ("admitted", null), ("unknown", "nonceReused"), ("admitted", null)], queue!.Select(r => (Result(r), Reason(r))));

        Assert.Equal(0, await _app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.GuestId == d.Guests["rana"])));
        var log = await _app.WithDbAsync(db => db.ScanRecords.IgnoreQueryFilters().Where(s => s.EventId == d.EventId).OrderBy(s => s.Nonce).ToListAsync());
        Assert.Equal([("t1-0007", d.Guests["kim"]), ("t1-0008", d.Guests["nino"])], log.Select(s => (s.Nonce, s.GuestId!.Value)));
    }

    [Fact]
    public async Task A_station_that_let_someone_in_offline_says_so_and_a_guest_found_by_name_is_sent_without_a_code()
    {
        var d = await EventAsync();
        var olga = await CodesAsync(d, d.Guests["olga"]);
        Assert.Equal("admitted", Result(await ScanAsync(d, olga.Typed, "Main door", nonce: "m-1")));

        // The garden gate's scan of Olga reached the server, but its answer did not come back in time: the station
        // decided on its own, let her in, and queued the scan under the same nonce.
        Assert.Equal("alreadyCheckedIn", Result(await ScanAsync(d, olga.Typed, "Garden gate", nonce: "g-1")));
        // The garden gate, offline, let Olga in after the main door had (its clock says so too) and found Nino by name.
        var queue = await (await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin/batch", new
        {
            station = "Garden gate",
            scans = new object[]
            {
                new { code = olga.Typed, nonce = "g-1", scannedAt = _app.Clock.GetUtcNow().AddMinutes(1).ToOffset(TimeSpan.FromHours(8)), admittedOffline = true }, // a station's local time
                new { guestId = d.Guests["nino"], nonce = "g-2", scannedAt = _app.Clock.GetUtcNow().AddMinutes(2), admittedOffline = true },
            },
        })).Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal(["alreadyCheckedIn", "admitted"], queue!.Select(Result));
        // One log row for the scan sent twice, now saying the station let her in on its own.
        Assert.True(await _app.WithDbAsync(db => db.ScanRecords.IgnoreQueryFilters().Where(s => s.Nonce == "g-1").Select(s => s.AdmittedOffline).SingleAsync()));
        var byName = await _app.WithDbAsync(db => db.ScanRecords.IgnoreQueryFilters().SingleAsync(s => s.Nonce == "g-2"));
        Assert.Equal((CheckIn.FoundByName, d.Guests["nino"]), (byName.Code, byName.GuestId));
        var twice = (await d.Office.GetFromJsonAsync<JsonElement>($"/api/events/{d.EventId}/arrivals")).GetProperty("twice").EnumerateArray().Single();
        Assert.Equal((d.Guests["olga"].ToString(), "Main door"), (twice.GetProperty("guestId").GetString(), twice.GetProperty("admittedAt").GetString()));

        // A scan with neither a code nor a guest is refused, naming it; the door data says when a station deletes it.
        var empty = await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin/batch", new { station = "Garden gate", scans = new object[] { new { nonce = "g-3" } } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("scans[0].code", await empty.Content.ReadAsStringAsync());
        var data = await d.Staff.GetFromJsonAsync<JsonElement>($"/api/events/{d.EventId}/door-data");
        var starts = await _app.WithDbAsync(db => db.Events.IgnoreQueryFilters().Where(e => e.Id == d.EventId).Select(e => e.StartsAtUtc).SingleAsync());
        Assert.Equal(starts + DoorData.Keep, data.GetProperty("keepUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_walk_in_the_directory_knows_is_not_entered_twice()
    {
        var d = await EventAsync();
        (await d.Office.PostAsJsonAsync("/api/contacts", new { firstName = "Lena", lastName = "Fischer", organization = new { name = "Goethe-Institut" } })).EnsureSuccessStatusCode();
        var contacts = await _app.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.MissionId == d.MissionId));

        // Ms Fischer, in the directory but not on this list, arrives: her entry joins the list, admitted.
        var lena = await (await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/walkins", new { firstName = "lena", lastName = "Fischer", organization = "goethe-institut", station = "Main door" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("admitted", Result(lena));
        Assert.True(await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().AnyAsync(g => g.EventId == d.EventId && g.WalkIn && g.Contact!.LastName == "Fischer" && g.CheckedInAt != null)));
        // Ms Ivanova is on the list already: a walk-in form in her name does not let anyone in as her.
        var olga = await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/walkins", new { firstName = "Ольга", lastName = "Иванова" });
        Assert.Equal(HttpStatusCode.BadRequest, olga.StatusCode);
        Assert.Contains("is on the list", await olga.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.GuestId == d.Guests["olga"])));
        Assert.Equal(contacts, await _app.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.MissionId == d.MissionId)));
        // Someone new is a new entry, tagged walk-in.
        Assert.Equal("admitted", Result(await (await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/walkins", new { firstName = "Jane", lastName = "Walker", organization = "Foreign Press Club" }))
            .Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(contacts + 1, await _app.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.MissionId == d.MissionId)));
    }

    [Fact]
    public async Task After_a_door_shift_the_arrivals_count_who_came_walk_ins_included()
    {
        var d = await EventAsync();
        foreach (var (who, plusOnes) in new[] { ("wang", 1), ("rana", 0), ("kim", 0), ("yamada", 0) })
        {
            (await d.Office.PutAsJsonAsync($"/api/events/{d.EventId}/guests/{d.Guests[who]}", new { rsvp = "accepted", plusOnes })).EnsureSuccessStatusCode();
        }
        await ScanAsync(d, (await CodesAsync(d, d.Guests["wang"])).Signed);
        await ScanAsync(d, (await CodesAsync(d, d.Guests["wang"], 1)).Typed);
        await ScanAsync(d, (await CodesAsync(d, d.Guests["rana"])).Signed);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var walkIn = await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/walkins", new { firstName = "Jane", lastName = "Walker", organization = "Foreign Press Club", category = "Press", station = "Main door" });
        Assert.Equal(HttpStatusCode.Created, walkIn.StatusCode);
        Assert.Equal("admitted", Result(await walkIn.Content.ReadFromJsonAsync<JsonElement>()));
        var nameless = await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/walkins", new { firstName = "Only" });
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);

        var arrivals = await d.Staff.GetFromJsonAsync<JsonElement>($"/api/events/{d.EventId}/arrivals");

        Assert.Equal((5, 4, 1), (arrivals.GetProperty("expected").GetInt32(), arrivals.GetProperty("arrived").GetInt32(), arrivals.GetProperty("walkIns").GetInt32()));
        var latest = arrivals.GetProperty("latest").EnumerateArray().ToList();
        Assert.Equal(4, latest.Count);
        Assert.Equal("Jane Walker", latest[0].GetProperty("displayName").GetString());
        var press = arrivals.GetProperty("byCategory").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "Press");
        Assert.Equal((0, 1), (press.GetProperty("expected").GetInt32(), press.GetProperty("arrived").GetInt32()));
        Assert.Equal(5, arrivals.GetProperty("byCategory").EnumerateArray().Sum(c => c.GetProperty("expected").GetInt32()));
        // The walk-in is on the guest list, accepted and checked in; the directory knows them as a walk-in.
        var listed = (await d.Office.GetFromJsonAsync<JsonElement[]>($"/api/events/{d.EventId}/guests"))!.Single(g => g.GetProperty("contact").GetProperty("lastName").GetString() == "Walker");
        Assert.Equal("accepted", listed.GetProperty("rsvp").GetString());
        Assert.Equal("Main door", listed.GetProperty("checkedInBy").GetString());
        Assert.Contains("walk-in", listed.GetProperty("contact").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_mistaken_admission_is_undone_within_minutes_and_the_audit_log_says_so()
    {
        var d = await EventAsync();
        var rana = (await CodesAsync(d, d.Guests["rana"])).Signed;
        Assert.Equal("admitted", Result(await ScanAsync(d, rana)));

        var undone = await d.Staff.DeleteAsync($"/api/events/{d.EventId}/checkin/{d.Guests["rana"]}");
        Assert.Equal(HttpStatusCode.NoContent, undone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await d.Staff.DeleteAsync($"/api/events/{d.EventId}/checkin/{d.Guests["rana"]}")).StatusCode);
        var guest = (await d.Office.GetFromJsonAsync<JsonElement[]>($"/api/events/{d.EventId}/guests"))!.Single(g => g.GetProperty("id").GetString() == d.Guests["rana"].ToString());
        Assert.Equal(JsonValueKind.Null, guest.GetProperty("checkedInAt").ValueKind);
        var audit = await _app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().SingleAsync(a => a.Action == "Undo admission" && a.EntityId == d.Guests["rana"].ToString()));
        Assert.Contains("Main door", audit.Changes);

        // In again; later than the window, the door cannot take it back; another mission cannot at all.
        Assert.Equal("admitted", Result(await ScanAsync(d, rana, "Garden gate")));
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync((await _app.CreateMissionAsync($"Other {Guid.NewGuid():N}")).Id, MissionRole.Door));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/events/{d.EventId}/checkin/{d.Guests["rana"]}")).StatusCode);
        _app.Clock.Advance(CheckIn.UndoWindow + TimeSpan.FromMinutes(1));
        var late = await d.Staff.DeleteAsync($"/api/events/{d.EventId}/checkin/{d.Guests["rana"]}");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Admissions.IgnoreQueryFilters().CountAsync(a => a.GuestId == d.Guests["rana"])));
    }

    [Fact]
    public async Task A_station_downloads_what_it_needs_to_admit_offline_and_nothing_more()
    {
        var d = await EventAsync();
        (await d.Office.PutAsJsonAsync($"/api/events/{d.EventId}/guests/{d.Guests["wang"]}", new { rsvp = "accepted", plusOnes = 1, note = "Private: prefers the side door" })).EnsureSuccessStatusCode();
        var wang = await CodesAsync(d, d.Guests["wang"]);

        var response = await d.Staff.GetAsync($"/api/events/{d.EventId}/door-data");
        var text = await response.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(text).RootElement;

        // The public key verifies the signed code as a browser's WebCrypto would (SubjectPublicKeyInfo, P-256, r||s).
        using var key = System.Security.Cryptography.ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(data.GetProperty("publicKey").GetString()!), out _);
        Assert.Equal(d.Guests["wang"], DoorCodes.Verify(key, d.EventId, wang.Signed)!.GuestId);
        // The typed codes are there only as hashes, one for the guest and one for each announced plus-one.
        var entry = data.GetProperty("guests").EnumerateArray().Single(g => g.GetProperty("id").GetString() == d.Guests["wang"].ToString());
        Assert.Equal([DoorData.TypedCodeHash(d.EventId, wang.Typed), DoorData.TypedCodeHash(d.EventId, (await CodesAsync(d, d.Guests["wang"], 1)).Typed)],
            entry.GetProperty("typedCodeHashes").EnumerateArray().Select(h => h.GetString()));
        Assert.DoesNotContain(wang.Typed, text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal); // no e-mail addresses
        Assert.DoesNotContain("side door", text, StringComparison.Ordinal); // no office notes
        Assert.Equal(10, data.GetProperty("guests").GetArrayLength());

        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync((await _app.CreateMissionAsync($"Other {Guid.NewGuid():N}")).Id, MissionRole.Door));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/events/{d.EventId}/door-data")).StatusCode);
    }

    [Fact]
    public async Task Only_the_missions_door_and_protocol_staff_may_check_in()
    {
        var d = await EventAsync();
        var code = (await CodesAsync(d, d.Guests["rana"])).Signed;
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync((await _app.CreateMissionAsync($"Other {Guid.NewGuid():N}")).Id, MissionRole.Door));
        using var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/events/{d.EventId}/checkin", new { code, station = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/events/{d.EventId}/checkin", new { code, station = "x" })).StatusCode);
        var noStation = await d.Staff.PostAsJsonAsync($"/api/events/{d.EventId}/checkin", new { code });
        Assert.Equal(HttpStatusCode.BadRequest, noStation.StatusCode);
        Assert.Contains("station", await noStation.Content.ReadAsStringAsync());
        Assert.Equal("admitted", Result(await (await d.Office.PostAsJsonAsync($"/api/events/{d.EventId}/checkin", new { code, station = "Office" })).Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task The_doors_hand_written_statements_read_and_audit_what_EF_Core_reads_and_audits()
    {
        var d = await EventAsync();
        (await d.Office.PutAsJsonAsync($"/api/events/{d.EventId}/guests/{d.Guests["wang"]}", new { rsvp = "accepted", plusOnes = 1 })).EnsureSuccessStatusCode();
        (await d.Office.PutAsJsonAsync($"/api/events/{d.EventId}/guests/{d.Guests["amara"]}", new { rsvp = "declined" })).EnsureSuccessStatusCode();
        var wang = d.Guests["wang"];
        Assert.Equal("admitted", Result(await ScanAsync(d, (await CodesAsync(d, wang)).Signed, "Garden gate", nonce: "n-wang")));
        Assert.Equal("admitted", Result(await ScanAsync(d, (await CodesAsync(d, wang, 1)).Signed, "Garden gate", nonce: "n-wang-1")));
        var other = await EventAsync(); // another mission's guest: read with its own mission, never this one's
        var strangerGuest = other.Guests["wang"];

        var ids = d.Guests.Values.Append(strangerGuest).ToList();
        using var scope = _app.Services.CreateScope();
        await using var statements = new Chancery.Data.HandWritten.DoorStatements(scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>());
        Dictionary<Guid, Chancery.Domain.Door.GuestAtDoor> read;
        Dictionary<(Guid EventId, string Nonce), (string Code, Guid? GuestId, byte Companion)> nonces;
        Chancery.Domain.Door.AdmittedAs? first;
        await using (var transaction = await statements.BeginAsync())
        {
            read = await statements.GuestsAsync(ids);
            nonces = await statements.LoggedNoncesAsync([(d.EventId, "n-wang"), (d.EventId, "n-wang-1"), (d.EventId, "never")]);
            first = await statements.FirstAsync(d.EventId, wang, 1);
        }

        var (guests, admissions, scans) = await _app.WithDbAsync(async db => (
            await db.Guests.IgnoreQueryFilters().Include(g => g.Contact).ThenInclude(c => c!.Organization).Where(g => ids.Contains(g.Id)).ToListAsync(),
            await db.Admissions.IgnoreQueryFilters().Where(a => ids.Contains(a.GuestId)).ToListAsync(),
            await db.ScanRecords.IgnoreQueryFilters().Where(s => s.EventId == d.EventId).ToListAsync()));
        Assert.Equal(guests.Count, read.Count);
        foreach (var g in guests)
        {
            var r = read[g.Id];
            Assert.Equal((g.EventId, g.MissionId, g.Rsvp, g.PlusOnes, g.Contact!.ErasedAt is not null, g.Contact.DisplayName, g.Contact.Organization?.Name),
                (r.EventId, r.MissionId, r.Rsvp, r.PlusOnes, r.Erased, r.Name.DisplayName, r.Organization));
            Assert.Equal(admissions.Where(a => a.GuestId == g.Id).OrderBy(a => a.Companion).Select(a => (a.Companion, a.Id, a.At, a.Station, a.Nonce)),
                r.In.OrderBy(x => x.Key).Select(x => (x.Key, x.Value.Id, x.Value.At, x.Value.Station, x.Value.Nonce)));
        }
        Assert.Equal(other.MissionId, read[strangerGuest].MissionId);
        Assert.Equal(scans.Where(s => s.Nonce is "n-wang" or "n-wang-1").Select(s => ((s.EventId, s.Nonce!), (s.Code, s.GuestId, s.Companion))).OrderBy(x => x.Item1.Item2),
            nonces.Select(x => (x.Key, x.Value)).OrderBy(x => x.Key.Nonce));
        var companion = admissions.Single(a => a.GuestId == wang && a.Companion == 1);
        Assert.Equal((companion.Id, companion.At, companion.Station, companion.Nonce), (first!.Id, first.At, first.Station, first.Nonce));

        // The arrival the door wrote by hand is audited as the same change saved through EF Core is: same action, same
        // fields, the same values written the same way, the mission and the door's user.
        var amara = d.Guests["amara"];
        var at = (await _app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().SingleAsync(g => g.Id == wang))).CheckedInAt!.Value;
        await _app.WithDbAsync(async db =>
        {
            var g = await db.Guests.IgnoreQueryFilters().AsTracking().SingleAsync(x => x.Id == amara);
            (g.CheckedInAt, g.CheckedInBy) = (at, "Garden gate");
            return await db.SaveChangesAsync();
        });
        var audit = await _app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == "Guest" && (a.EntityId == wang.ToString() || a.EntityId == amara.ToString()))
            .ToListAsync());
        var byDoor = audit.Single(a => a.EntityId == wang.ToString() && a.Changes.Contains("CheckedInAt", StringComparison.Ordinal));
        var byEf = audit.Single(a => a.EntityId == amara.ToString() && a.Changes.Contains("CheckedInAt", StringComparison.Ordinal));
        Assert.Equal((byEf.Action, byEf.MissionId, byEf.Changes), (byDoor.Action, byDoor.MissionId, byDoor.Changes));
        Assert.NotNull(byDoor.UserId);
        Assert.NotEqual("system", byDoor.UserName);
        // The companion's admission is no arrival of the guest: one entry, not two.
        Assert.Single(audit, a => a.EntityId == wang.ToString() && a.Changes.Contains("CheckedInAt", StringComparison.Ordinal));
    }
}

public sealed class CheckInTestsOnSqlite() : CheckInTests(DatabaseSetup.Sqlite);

public sealed class CheckInTestsOnPostgres() : CheckInTests(DatabaseSetup.Postgres);
