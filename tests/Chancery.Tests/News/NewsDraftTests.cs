using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.News;

/// <summary>API.md's <c>POST /api/events/{id}/news/draft</c>: the news item written from the scripted event, in each shipped language.</summary>
public abstract class NewsDraftTests(string provider) : IAsyncLifetime
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

    // The scripted reception, with its run of show: a wreath-laying, the military attaché's briefing (typed with his
    // rank and honours), and a word from the ambassador of Hungary, who asked not to be named publicly.
    private async Task<(ScriptedEvent Held, HttpClient Press, DateTime Day)> HoldAsync()
    {
        var h = await ScriptedEvent.HoldAsync(_app);
        var contacts = (await h.Office.GetFromJsonAsync<JsonElement[]>("/api/contacts?limit=100"))!
            .Where(c => c.GetProperty("email").ValueKind == JsonValueKind.String) // not the walk-in
            .ToDictionary(c => c.GetProperty("email").GetString()!.Split('@')[0].Split('.')[0], c => c.GetProperty("id").GetString()!);
        (await h.Office.PutAsJsonAsync($"/api/contacts/{contacts["kovacs"]}", new
        {
            lastName = "Kovács",
            firstName = "Viktória",
            notNamedPublicly = true,
            honorific = "H.E.",
            position = "Ambassador",
            headOfMissionClass = "Ambassador",
            credentialsPresented = "2022-02-14",
            organization = new { name = "Embassy of Hungary", type = "Embassy", country = "Hungary" },
            category = "Diplomatic corps",
            language = "hu",
            nameOrder = "FamilyFirst"
        })).EnsureSuccessStatusCode();
        async Task Programme(object item) => (await h.Office.PostAsJsonAsync($"/api/events/{h.EventId}/programme", item)).EnsureSuccessStatusCode();
        await Programme(new { title = "Wreath-laying at the memorial" });
        await Programme(new { title = "Briefing on the day's history", speaker = "Military Attaché, Colonel Teyfur <Rustamov>, awarded the Order of *Karabakh*" });
        await Programme(new { title = "Words of welcome", speakerContactId = contacts["kovacs"] });
        var press = await _app.ApiClientAsync(await _app.CreateUserAsync(h.MissionId, MissionRole.Press));
        var day = _app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        return (h, press, day);
    }

    private static async Task<(string Title, string Body)> DraftAsync(HttpClient press, Guid eventId, string language)
    {
        var response = await press.PostAsync($"/api/events/{eventId}/news/draft?language={language}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var d = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(language, d.GetProperty("language").GetString());
        return (d.GetProperty("title").GetString()!, d.GetProperty("body").GetString()!);
    }

    [Fact]
    public async Task The_English_draft_holds_what_the_event_holds()
    {
        var (h, press, day) = await HoldAsync();

        var (title, body) = await DraftAsync(press, h.EventId, "en");

        Assert.Equal("National Day reception", title);
        Assert.Contains($"National Day reception was held at Residence on {day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))}.", body);
        // By category, in the mission's order, in words: its own "Academia" as it named it.
        Assert.Contains("Members of the diplomatic corps, representatives of international organizations and Academia attended the event, with 4 diplomatic missions represented.", body);
        // The heads of mission who came, in order of precedence, with their posts; Hungary's ambassador is not named.
        // Named in the draft's script (Latin for English, from a sure reading) and styled in its words: the head of an
        // international organization is an Excellency too.
        Assert.Contains("Among the guests were H.E. Wang Wei (Embassy of China) and H.E. Dr. Amara Nwosu (World Health Organization).", body);
        // The programme in its order, an item a sentence; the item whose speaker may not be named keeps its title.
        Assert.Contains("The event opened with the wreath-laying at the memorial.", body);
        Assert.Contains("It closed with the words of welcome.", body);
        // The speaker as typed, rank and honours included, printed as text: no markup, no emphasis; the apposition closed.
        Assert.Contains(@"Military Attaché, Colonel Teyfur \<Rustamov\>, awarded the Order of \*Karabakh\*, took the floor. [What was said: to be written by the press office.]", body);
        Assert.DoesNotContain("Kovács", body);
        Assert.DoesNotContain("Viktória", body);
        Assert.Single(body.Split("took the floor").Skip(1)); // the unnamed speaker's item has no speaker line
    }

    [Fact]
    public async Task The_draft_reads_in_French_Chinese_and_Arabic()
    {
        var (h, press, day) = await HoldAsync();

        var fr = (await DraftAsync(press, h.EventId, "fr")).Body;
        Assert.Contains($"L'événement « National Day reception » s'est tenu le {day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr")).Replace(day.Day == 1 ? "1 " : "\u0000", "1er ", StringComparison.Ordinal)} à Residence.", fr);
        Assert.Contains("Des membres du corps diplomatique, des représentants d'organisations internationales et Academia ont assisté à l'événement ; 4 missions diplomatiques y étaient représentées.", fr);
        Assert.Contains("a pris la parole", fr);
        Assert.Contains("[Propos tenus : à rédiger par le service de presse.]", fr);

        var zh = (await DraftAsync(press, h.EventId, "zh")).Body;
        Assert.Contains($"{day.Year}年{day.Month}月{day.Day}日，National Day reception在Residence举行。", zh);
        Assert.Contains("外交使团成员、国际组织代表和Academia出席了活动，4个外交使团派代表参加。", zh);
        // The embassy named in Chinese from CLDR's name of its country; the organization, not recorded in Chinese, marked.
        Assert.Contains("出席嘉宾包括王伟阁下 (中国大使馆)和Amara Nwosu阁下 (World Health Organization †)。", zh);
        Assert.Contains("【讲话内容：由新闻处撰写。】", zh);

        var ar = (await DraftAsync(press, h.EventId, "ar")).Body;
        var month = CultureInfo.GetCultureInfo("ar").DateTimeFormat.GetMonthName(day.Month);
        Assert.Contains($"في {day.Day} {month} {day.Year}، أقيمت فعالية «National Day reception» في Residence.", ar);
        // Four missions: the plural of three to ten.
        Assert.Contains("وحضر الفعالية أعضاء السلك الدبلوماسي، ممثلو المنظمات الدولية وAcademia، ومُثّلت فيها 4 بعثات دبلوماسية.", ar);
        Assert.Contains("[نص الكلمة: يكتبه المكتب الصحفي.]", ar);
        foreach (var text in new[] { fr, zh, ar })
        {
            Assert.DoesNotContain("Kovács", text);
        }
    }

    [Fact]
    public async Task The_French_draft_names_people_in_Latin_letters_styled_in_French_with_the_events_French_words()
    {
        var (h, press, _) = await HoldAsync();
        (await h.Office.PutAsJsonAsync($"/api/events/{h.EventId}", new { title = "National Day reception", startsAt = "2026-12-10T18:00", timeZone = "Asia/Baku", venue = "Residence", languages = (string[])["en", "fr"] })).EnsureSuccessStatusCode();
        (await h.Office.PutAsJsonAsync($"/api/events/{h.EventId}/texts/fr", new { title = "réception de la Fête nationale" })).EnsureSuccessStatusCode();
        (await h.Office.PostAsJsonAsync($"/api/events/{h.EventId}/programme", new { title = "Minute of silence", titles = new Dictionary<string, string> { ["fr"] = "Minute de silence" } })).EnsureSuccessStatusCode();
        (await h.Office.PostAsJsonAsync($"/api/events/{h.EventId}/programme", new { title = "Arrival of guests", titles = new Dictionary<string, string> { ["fr"] = "Arrivée des invités" } })).EnsureSuccessStatusCode();

        var (title, fr) = await DraftAsync(press, h.EventId, "fr");

        Assert.Equal("Réception de la Fête nationale", title); // its own words, and a capital to begin the headline
        Assert.Contains("S.E. Wang Wei (Ambassade de Chine)", fr); // Latin letters, the French Excellency, the embassy in French
        Assert.DoesNotContain("王伟", fr);
        Assert.DoesNotContain("H.E.", fr);
        Assert.Contains("minute de silence", fr);
        Assert.DoesNotContain("Minute of silence", fr);
        Assert.DoesNotContain("arrivée des invités", fr, StringComparison.OrdinalIgnoreCase); // logistics, not news
    }

    [Fact]
    public async Task The_press_office_writes_its_own_wording_and_a_broken_template_is_refused_saying_where()
    {
        var (h, press, _) = await HoldAsync();

        var broken = await press.PutAsJsonAsync("/api/news/templates/en", new { text = "# {{ event.occasion }}\n\n{% for item in programme %}{{ item.title }" });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var problem = await broken.Content.ReadAsStringAsync();
        Assert.Contains("at line 3, column 41", problem, StringComparison.Ordinal);

        // Values are printed, never grown: assign and capture are not part of the language here.
        Assert.Equal(HttpStatusCode.BadRequest, (await press.PutAsJsonAsync("/api/news/templates/en", new { text = "{% assign s = event.title %}{{ s }}" })).StatusCode);
        // A template names no other file, and uses no tag the sandbox does not know: refused when saved, saying where.
        foreach (var (tag, name) in new[] { ("{% include 'header' %}", "include"), ("{% render 'footer' %}", "render"), ("{% increment n %}", "increment"), ("{%tablerow p in programme%}{%endtablerow%}", "tablerow") })
        {
            var refused = await press.PutAsJsonAsync("/api/news/templates/en", new { text = $"# Title\n\n{tag}" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Matches($"Unknown tag '{name}' at line 3, column [0-9]+", await refused.Content.ReadAsStringAsync());
        }
        // One saved before this rule (or written straight into the database) makes the draft a 400 that says why, never a 500.
        await _app.WithDbAsync(async db =>
        {
            db.NewsTemplates.Add(new Chancery.Domain.News.NewsTemplate { MissionId = h.MissionId, Language = "en", Text = "# T\n\n{% include 'x' %}" });
            return await db.SaveChangesAsync();
        });
        var stored = await press.PostAsync($"/api/events/{h.EventId}/news/draft?language=en", null);
        Assert.Equal(HttpStatusCode.BadRequest, stored.StatusCode);
        Assert.Contains("Unknown tag 'include'", await stored.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        (await press.DeleteAsync("/api/news/templates/en")).EnsureSuccessStatusCode();

        (await press.PutAsJsonAsync("/api/news/templates/en", new { text = "# {{ event.occasion }} in review\n\n{{ attendance.total }} guests came; {{ programme.size }} items." }))
            .EnsureSuccessStatusCode();
        var (title, body) = await DraftAsync(press, h.EventId, "en");
        Assert.Equal("National Day reception in review", title);
        Assert.Equal("7 guests came; 3 items.\n", body);

        // A range is built whole before any step is counted: refused when saved.
        var range = await press.PutAsJsonAsync("/api/news/templates/en", new { text = "{% for i in (1..100000000) %}x{% endfor %}" });
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
        Assert.Contains("Ranges such as (1..100000000) are not available", await range.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A template that would run for ever (loops within loops over the programme) is stopped, and says so.
        var nested = string.Concat(Enumerable.Range(0, 12).Select(i => $"{{% for a{i} in programme %}}")) + "x" + string.Concat(Enumerable.Repeat("{% endfor %}", 12));
        (await press.PutAsJsonAsync("/api/news/templates/en", new { text = nested })).EnsureSuccessStatusCode();
        var endless = await press.PostAsync($"/api/events/{h.EventId}/news/draft?language=en", null);
        Assert.Equal(HttpStatusCode.BadRequest, endless.StatusCode);
        Assert.Contains("did not finish", await endless.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Split and join would multiply a value's length: not available.
        (await press.PutAsJsonAsync("/api/news/templates/en", new { text = "{{ \"a,a,a\" | split: \",\" | join: \",a,a,\" }}" })).EnsureSuccessStatusCode();
        var growing = await press.PostAsync($"/api/events/{h.EventId}/news/draft?language=en", null);
        Assert.Equal(HttpStatusCode.BadRequest, growing.StatusCode);
        Assert.Contains("'split' is not available", await growing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await press.DeleteAsync("/api/news/templates/en")).EnsureSuccessStatusCode();
        Assert.Equal("National Day reception", (await DraftAsync(press, h.EventId, "en")).Title);
    }

    [Fact]
    public async Task An_erased_head_of_mission_is_never_named_and_another_mission_and_the_door_get_nothing()
    {
        var (h, press, _) = await HoldAsync();
        var wang = (await h.Office.GetFromJsonAsync<JsonElement[]>("/api/contacts?limit=100"))!.Single(c => c.GetProperty("email").GetString()?.StartsWith("wang", StringComparison.Ordinal) == true);
        (await h.Office.PostAsync($"/api/contacts/{wang.GetProperty("id").GetString()}/erase", null)).EnsureSuccessStatusCode();

        var body = (await DraftAsync(press, h.EventId, "en")).Body;
        Assert.DoesNotContain("王", body);
        Assert.Contains("Among the guests were H.E. Dr. Amara Nwosu (World Health Organization).", body);
        // Erasure forgets where he worked too (his embassy came through him alone): three missions, not four.
        Assert.Contains("3 diplomatic missions represented", body);

        var other = await _app.CreateMissionAsync("Another embassy");
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync(other.Id, MissionRole.Press));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/events/{h.EventId}/news/draft?language=en", null)).StatusCode);
        var door = await _app.ApiClientAsync(await _app.CreateUserAsync(h.MissionId, MissionRole.Door));
        Assert.Equal(HttpStatusCode.Forbidden, (await door.PostAsync($"/api/events/{h.EventId}/news/draft?language=en", null)).StatusCode);
    }
}

public sealed class NewsDraftTestsOnSqlite() : NewsDraftTests(DatabaseSetup.Sqlite);

public sealed class NewsDraftTestsOnPostgres() : NewsDraftTests(DatabaseSetup.Postgres);
