using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Events;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Events;

public sealed class InvitationLanguageChoiceTests
{
    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("fr-BE", "fr")]
    [InlineData("zh", "zh-CN")]
    [InlineData("ar", "ar")]
    [InlineData("az", "en")] // not among the event's: its default
    [InlineData(null, "en")]
    [InlineData("", "en")]
    public void A_guest_receives_their_own_language_when_the_event_has_it_else_the_default(string? contact, string expected)
    {
        Assert.Equal(expected, InvitationLanguages.For(contact, ["en", "fr", "zh-CN", "ar"]));
    }

    [Fact]
    public void An_event_without_languages_sends_in_the_missions_else_English_and_Arabic_reads_right_to_left()
    {
        var e = new Event { Title = "Reception", TimeZone = "UTC", Venue = "Residence" };
        Assert.Equal(["fi"], InvitationLanguages.Of(e, new Mission { Name = "Embassy of Finland", Language = "fi" }));
        Assert.Equal(["en"], InvitationLanguages.Of(e, new Mission { Name = "Embassy" }));
        Assert.True(InvitationLanguages.RightToLeft("ar-JO"));
        Assert.False(InvitationLanguages.RightToLeft("zh"));
    }
}

/// <summary>API.md "Events": the invitation settings on the event's body.</summary>
public abstract class InvitationSettingsTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    [Fact]
    public async Task An_event_keeps_its_languages_end_and_regrets_only_and_refuses_what_is_wrong_by_field()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await App.ApiClientAsync(await App.CreateUserAsync(mission.Id, MissionRole.Protocol));

        var created = await api.PostAsJsonAsync("/api/events", new
        {
            title = "National Day reception",
            startsAt = "2026-02-26T15:00",
            timeZone = "Asia/Baku",
            venue = "Residence",
            languages = (string[])["en", "az", "ru"],
            endsAt = "2026-02-26T17:00",
            regretsOnly = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var e = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["en", "az", "ru"], e.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("2026-02-26T17:00", e.GetProperty("endsAt").GetString());
        Assert.True(e.GetProperty("regretsOnly").GetBoolean());
        var id = e.GetProperty("id").GetString();

        // A change that leaves the languages and regrets-only out keeps them.
        var kept = await (await api.PutAsJsonAsync($"/api/events/{id}", new { title = "National Day reception", startsAt = "2026-02-26T15:00", timeZone = "Asia/Baku", venue = "Embassy garden" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, kept.GetProperty("languages").GetArrayLength());
        Assert.True(kept.GetProperty("regretsOnly").GetBoolean());

        var badLanguage = await api.PutAsJsonAsync($"/api/events/{id}", new { title = "X", startsAt = "2026-02-26T15:00", timeZone = "Asia/Baku", venue = "Residence", languages = (string[])["English"] });
        var endsFirst = await api.PutAsJsonAsync($"/api/events/{id}", new { title = "X", startsAt = "2026-02-26T15:00", timeZone = "Asia/Baku", venue = "Residence", endsAt = "2026-02-26T14:00" });
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.Contains("English", await badLanguage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, endsFirst.StatusCode);
        Assert.Contains("not after it starts", await endsFirst.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_event_form_sets_the_languages_and_regrets_only_and_unticking_clears_it()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var email = await App.CreateUserAsync(mission.Id, MissionRole.Protocol);
        using var session = await StaffSession.SignInAsync(App, email);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Reception",
            ["Input.StartsAt"] = "2026-03-10T18:00",
            ["Input.TimeZone"] = "Europe/Paris",
            ["Input.Venue"] = "Residence",
            ["LanguagesText"] = "fr, en; ar",
            ["Input.RegretsOnly"] = "true",
        };
        var saved = await session.SubmitAsync("/staff/events/edit", "main form[method=post]", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.ToString();
        var edit = await session.GetPageAsync(url.Replace("/staff/events/", "/staff/events/edit/", StringComparison.Ordinal));
        Assert.Equal("fr, en, ar", edit.QuerySelector("[name=LanguagesText]")!.GetAttribute("value"));
        Assert.NotNull(edit.QuerySelector("[name='Input.RegretsOnly'][checked]"));

        fields["Input.RegretsOnly"] = ""; // the box unticked
        await session.SubmitAsync(url.Replace("/staff/events/", "/staff/events/edit/", StringComparison.Ordinal), "main form[method=post]", fields);
        var after = await session.GetPageAsync(url.Replace("/staff/events/", "/staff/events/edit/", StringComparison.Ordinal));
        Assert.Null(after.QuerySelector("[name='Input.RegretsOnly'][checked]"));
    }
}

public sealed class InvitationSettingsTestsOnSqlite(TestApp app) : InvitationSettingsTests(app), IClassFixture<TestApp>;

public sealed class InvitationSettingsTestsOnPostgres(PostgresTestApp app) : InvitationSettingsTests(app), IClassFixture<PostgresTestApp>;
