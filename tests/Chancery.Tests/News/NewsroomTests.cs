using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Domain.News;
using Chancery.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chancery.Tests.News;

/// <summary>API.md "Newsroom": draft → submitted → published with a second person's approval, publish-now with a reason, scheduling, edits, withdrawal, preview links.</summary>
public abstract class NewsroomTests(string provider) : IAsyncLifetime
{
    private TestApp _app = null!;
    private Mission _mission = null!;
    private HttpClient _writer = null!;
    private HttpClient _approver = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(provider, ("Email:RunWorker", "false"), ("News:RunScheduler", "false"));
        _mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        _writer = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Press));
        _approver = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Press));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/news", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, object? body = null)
    {
        var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private string Public(string path = "") => $"/m/{_mission.Slug}/news{path}";

    private static string State(JsonElement item) => item.GetProperty("state").GetString()!;

    [Fact]
    public async Task The_address_follows_the_title_while_the_item_is_not_yet_published()
    {
        var item = await CreateAsync(_writer, new { title = "reception for the national day", body = "Draft.", language = "en" });
        var id = item.GetProperty("id").GetString();
        var renamed = await _writer.PutAsJsonAsync($"/api/news/{id}", new { title = "Reception on the National Day of Azerbaijan", body = "Draft.", language = "en" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("reception-on-the-national-day-of-azerbaijan", (await _writer.GetFromJsonAsync<JsonElement>($"/api/news/{id}")).GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_writer_cannot_approve_their_own_item_and_another_press_officer_publishes_it()
    {
        var item = await CreateAsync(_writer, new { title = "Reception for the National Day", body = "The mission **welcomed** its guests.", language = "en" });
        var id = item.GetProperty("id").GetString();
        Assert.Equal(("draft", "reception-for-the-national-day"), (State(item), item.GetProperty("slug").GetString()));
        Assert.EndsWith($"/m/{_mission.Slug}/news/reception-for-the-national-day", item.GetProperty("url").GetString(), StringComparison.Ordinal);
        var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public("/reception-for-the-national-day"))).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_approver, $"/api/news/{id}/approve")).Status); // not submitted yet
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_writer, $"/api/news/{id}/submit")).Status);
        var own = await PostAsync(_writer, $"/api/news/{id}/approve");
        Assert.Equal(HttpStatusCode.Forbidden, own.Status);
        Assert.Contains("another person approves it", own.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Nor may they publish it at once: that is an administrator's.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(_writer, $"/api/news/{id}/publish", new { reason = "Urgent" })).Status);

        var approved = await PostAsync(_approver, $"/api/news/{id}/approve");
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal("published", State(approved.Body));
        Assert.NotEqual(JsonValueKind.Null, approved.Body.GetProperty("approvedBy").ValueKind);

        var page = await anonymous.GetStringAsync(Public("/reception-for-the-national-day"));
        Assert.Contains("<strong>welcomed</strong>", page, StringComparison.Ordinal);
        Assert.Contains(">Reception for the National Day</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Reception for the National Day", await anonymous.GetStringAsync(Public()), StringComparison.Ordinal);

        var audit = await _app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityId == id).OrderBy(a => a.At).ToListAsync());
        Assert.Contains(audit, a => a.Changes.Contains("Published", StringComparison.Ordinal) && a.UserName != audit[0].UserName);
    }

    [Fact]
    public async Task An_administrator_publishes_at_once_only_with_a_written_reason_kept_in_the_audit()
    {
        var admin = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Admin));
        var refused = await admin.PostAsJsonAsync("/api/news", new { title = "Statement", body = "Text.", language = "en", publish = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.NewsItems.IgnoreQueryFilters().CountAsync(n => n.MissionId == _mission.Id)));
        Assert.Equal(HttpStatusCode.Forbidden, (await _writer.PostAsJsonAsync("/api/news", new { title = "Statement", body = "Text.", language = "en", publish = true, reason = "Urgent" })).StatusCode);

        var item = await CreateAsync(admin, new { title = "Statement", body = "Text.", language = "en", publish = true, reason = "The statement must go out tonight." });

        Assert.Equal("published", State(item));
        var id = item.GetProperty("id").GetString();
        var audit = await _app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityId == id).ToListAsync());
        Assert.Contains(audit, a => a.Changes.Contains("The statement must go out tonight.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scheduled_item_is_published_once_when_two_servers_look_at_the_same_time()
    {
        var item = await CreateAsync(_writer, new { title = "Embargoed", body = "Until noon.", language = "en" });
        var id = item.GetProperty("id").GetString();
        await PostAsync(_writer, $"/api/news/{id}/submit");
        var at = _app.Clock.GetUtcNow().AddMinutes(20);
        var scheduled = await PostAsync(_approver, $"/api/news/{id}/approve", new { publishAt = at });
        Assert.Equal("scheduled", State(scheduled.Body));
        var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Public("/embargoed"))).StatusCode);

        var first = _app.Services.GetRequiredService<NewsScheduler>();
        var second = ActivatorUtilities.CreateInstance<NewsScheduler>(_app.Services);
        Assert.Empty(await first.PublishDueAsync()); // not yet
        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).PublishDueAsync())));

        Assert.Single(results.SelectMany(r => r));
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.EntityId == id && a.Action == "NewsPublishedOnSchedule")));
        var published = await _writer.GetFromJsonAsync<JsonElement>($"/api/news/{id}");
        Assert.Equal("published", State(published));
        Assert.Equal(at, published.GetProperty("publishedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1)); // the time it was set for
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(Public("/embargoed"))).StatusCode);
    }

    [Fact]
    public async Task A_published_item_is_changed_with_a_note_readers_see_and_withdrawn_with_a_notice_never_deleted()
    {
        var admin = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Admin));
        var item = await CreateAsync(admin, new { title = "Visit of the minister", body = "First words.", language = "en", publish = true, reason = "Same day." });
        var id = item.GetProperty("id").GetString();
        var anonymous = _app.CreateClient();
        Assert.Contains("First words.", await anonymous.GetStringAsync(Public("/visit-of-the-minister")), StringComparison.Ordinal); // now cached

        // Changed words go out without a second person: a press officer may not, an administrator may, with a note.
        Assert.Equal(HttpStatusCode.Forbidden, (await _writer.PutAsJsonAsync($"/api/news/{id}", new { title = "Visit", body = "Other words.", changeNote = "Mine." })).StatusCode);
        var noNote = await admin.PutAsJsonAsync($"/api/news/{id}", new { title = "Visit of the minister", body = "Second words." });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        (await admin.PutAsJsonAsync($"/api/news/{id}", new { title = "Visit of the minister", body = "Second words.", changeNote = "The minister's <em>quote</em> corrected." }))
            .EnsureSuccessStatusCode();
        var page = await anonymous.GetStringAsync(Public("/visit-of-the-minister"));
        Assert.Contains("Second words.", page, StringComparison.Ordinal); // the cache forgot the old page
        Assert.Contains("The minister&#x27;s &lt;em&gt;quote&lt;/em&gt; corrected.", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await _writer.DeleteAsync($"/api/news/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_writer, $"/api/news/{id}/withdraw", new { notice = " " })).Status);
        Assert.Equal("withdrawn", State((await PostAsync(_writer, $"/api/news/{id}/withdraw", new { notice = "Published in error before the visit was confirmed." })).Body));

        var withdrawn = await anonymous.GetAsync(Public("/visit-of-the-minister"));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var text = await withdrawn.Content.ReadAsStringAsync();
        Assert.Contains("This item was withdrawn", text, StringComparison.Ordinal);
        Assert.Contains("Published in error before the visit was confirmed.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Second words.", text, StringComparison.Ordinal); // the text itself is off the web
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", text, StringComparison.Ordinal);
        Assert.DoesNotContain("visit-of-the-minister", await anonymous.GetStringAsync(Public()), StringComparison.Ordinal); // off the list
        Assert.Equal(HttpStatusCode.Conflict, (await _writer.PutAsJsonAsync($"/api/news/{id}", new { title = "x", body = "y", changeNote = "z" })).StatusCode);

        // No preview link brings the words back, from the API or from the staff page.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_writer, $"/api/news/{id}/preview-link")).Status);
        using var press = await StaffSession.SignInAsync(_app, await _app.CreateUserAsync(_mission.Id, MissionRole.Press));
        var edit = await press.GetPageAsync($"/staff/news/edit/{id}");
        var token = edit.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var made = await press.Client.PostAsync($"/staff/news/edit/{id}?handler=PreviewLink", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var shown = made.Headers.Location is { } next ? await press.Client.GetStringAsync(next) : await made.Content.ReadAsStringAsync();
        Assert.Contains("cannot be previewed", shown, StringComparison.Ordinal);
        Assert.Null(await _app.WithDbAsync(db => db.NewsItems.IgnoreQueryFilters().Where(n => n.Id == Guid.Parse(id!)).Select(n => n.PreviewToken).SingleAsync()));
    }

    [Fact]
    public async Task Whoever_wrote_words_of_an_item_cannot_approve_it_and_an_approval_names_the_version_it_read()
    {
        var third = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Press));
        var id = (await CreateAsync(_writer, new { title = "Concert", body = "The writer's words.", language = "en" })).GetProperty("id").GetString();
        // The approver rewrites the writer's draft, submits it and tries to approve their own words.
        (await _approver.PutAsJsonAsync($"/api/news/{id}", new { title = "Concert", body = "The approver's own words." })).EnsureSuccessStatusCode();
        await PostAsync(_approver, $"/api/news/{id}/submit");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(_approver, $"/api/news/{id}/approve")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(_writer, $"/api/news/{id}/approve")).Status);

        // A third reads it, and approves that version only.
        var read = (await third.GetFromJsonAsync<JsonElement>($"/api/news/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(third, $"/api/news/{id}/approve", new { version = read - 1 })).Status);
        var approved = await PostAsync(third, $"/api/news/{id}/approve", new { version = read });
        Assert.Equal("published", State(approved.Body));
    }

    [Fact]
    public async Task A_time_to_publish_without_an_offset_is_on_the_missions_clock()
    {
        await _app.WithDbAsync(async db =>
        {
            var m = await db.Missions.IgnoreQueryFilters().AsTracking().SingleAsync(x => x.Id == _mission.Id);
            m.TimeZone = "Asia/Shanghai";
            return await db.SaveChangesAsync();
        });
        var id = (await CreateAsync(_writer, new { title = "Embargo in Beijing", body = "x", language = "en" })).GetProperty("id").GetString();
        await PostAsync(_writer, $"/api/news/{id}/submit");
        var local = _app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(9);

        var scheduled = await PostAsync(_approver, $"/api/news/{id}/approve", new { publishAt = local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(new DateTimeOffset(local.AddHours(-8), TimeSpan.Zero), scheduled.Body.GetProperty("publishAt").GetDateTimeOffset()); // 09:00 in Beijing is 01:00 UTC
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_approver, $"/api/news/{id}/approve", new { publishAt = "next Tuesday" })).Status);
    }

    [Fact]
    public async Task Editing_a_submitted_item_sends_it_back_to_draft()
    {
        var id = (await CreateAsync(_writer, new { title = "Concert", body = "v1", language = "en" })).GetProperty("id").GetString();
        await PostAsync(_writer, $"/api/news/{id}/submit");
        var read = (await _writer.GetFromJsonAsync<JsonElement>($"/api/news/{id}")).GetProperty("version").GetInt32();
        (await _writer.PutAsJsonAsync($"/api/news/{id}", new { title = "Concert", body = "v2, not what was submitted", version = read })).EnsureSuccessStatusCode();
        // A save from the version read before that one would overwrite it: refused, not lost.
        Assert.Equal(HttpStatusCode.Conflict, (await _approver.PutAsJsonAsync($"/api/news/{id}", new { title = "Concert", body = "v2b", version = read })).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_approver, $"/api/news/{id}/approve")).Status);
        Assert.Equal("draft", State(await _writer.GetFromJsonAsync<JsonElement>($"/api/news/{id}")));
    }

    [Fact]
    public async Task A_preview_link_shows_the_draft_to_whoever_has_it_until_revoked_and_is_never_cached()
    {
        var id = (await CreateAsync(_writer, new { title = "Draft for the ambassador", body = "Not yet out.", language = "en" })).GetProperty("id").GetString();
        var link = (await PostAsync(_writer, $"/api/news/{id}/preview-link")).Body.GetProperty("url").GetString()!;
        var path = new Uri(link).AbsolutePath;
        var anonymous = _app.CreateClient();

        var preview = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Not yet out.", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("no-store", preview.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("noindex", preview.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        Assert.True(path.Split('/')[^1].Length >= 32); // 24 random bytes

        // A guessed token, a token under another mission's address, a revoked one: nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path[..^4] + "AAAA")).StatusCode);
        var other = await _app.CreateMissionAsync("Another embassy");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path.Replace(_mission.Slug, other.Slug, StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync($"/api/news/{id}/preview-link")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Another_missions_press_officer_and_the_door_see_nothing()
    {
        var id = (await CreateAsync(_writer, new { title = "Internal", body = "x", language = "en" })).GetProperty("id").GetString();
        var other = await _app.CreateMissionAsync("Another embassy");
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync(other.Id, MissionRole.Press));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/news/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"/api/news/{id}/submit")).Status);
        Assert.DoesNotContain(id!, await stranger.GetStringAsync("/api/news"), StringComparison.Ordinal);
        var door = await _app.ApiClientAsync(await _app.CreateUserAsync(_mission.Id, MissionRole.Door));
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync("/api/news")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync($"/api/news/{id}")).StatusCode);

        // Of the press office in another mission and at this one's door: the list holds nothing of this one.
        var both = await _app.CreateUserAsync(other.Id, MissionRole.Press);
        await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == both);
            db.Memberships.Add(new Membership { MissionId = _mission.Id, UserId = user.Id, Role = MissionRole.Door, CreatedAt = _app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var pressElsewhere = await _app.ApiClientAsync(both);
        Assert.DoesNotContain(id!, await pressElsewhere.GetStringAsync("/api/news"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await pressElsewhere.GetAsync($"/api/news/{id}")).StatusCode);
    }
}

public sealed class NewsroomTestsOnSqlite() : NewsroomTests(DatabaseSetup.Sqlite);

public sealed class NewsroomTestsOnPostgres() : NewsroomTests(DatabaseSetup.Postgres);
