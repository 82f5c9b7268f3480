using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chancery.Data;
using Chancery.Domain.Missions;
using Chancery.Email;
using Chancery.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chancery.Tests.Invitations;

/// <summary>
/// Issue "Words fit to send": an event hosted by a woman ambassador, its words written in six languages through the API
/// (<c>hosts</c> as people, <c>/texts/{language}</c>), goes out over real SMTP in en, fr, ru, es, zh and ar, each card
/// agreeing with its host and carrying no other language's words; what is not yet written is named before sending.
/// </summary>
public abstract partial class WordsFitToSendTests(string provider) : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new SmtpTestServer().Start();
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() =>
        _app = await TestApp.StartAsync(provider, ("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture)),
            ("Email:Smtp:Security", "None"), ("Email:RunWorker", "false"), ("Email:From", "events@ministry.example"), ("PublicBaseUrl", "https://events.embassy.example"));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await _smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static async Task<string> PersonAsync(HttpClient api, object body)
    {
        var created = await api.PostAsJsonAsync("/api/contacts", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_woman_ambassadors_invitation_goes_out_in_six_languages_each_agreeing_and_in_its_own_words_only()
    {
        var mission = await _app.CreateMissionAsync("Embassy of Azerbaijan");
        var api = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        var host = await PersonAsync(api, new { honorific = "H.E. Ms.", firstName = "Sevinj", lastName = "Abbasova", position = "Ambassador of Azerbaijan", headOfMissionClass = "Ambassador" });
        string[] guests =
        [
            await PersonAsync(api, new { honorific = "Mr.", firstName = "John", lastName = "Carter", email = "carter@example.org", language = "en" }),
            await PersonAsync(api, new { honorific = "Mme", firstName = "Claire", lastName = "Martin", email = "martin@example.org", language = "fr" }),
            await PersonAsync(api, new { honorific = "г-н", firstName = "Иван", lastName = "Петров", email = "petrov@example.org", language = "ru" }),
            await PersonAsync(api, new { honorific = "Sra.", firstName = "Lucía", lastName = "Gómez", email = "gomez@example.org", language = "es" }),
            await PersonAsync(api, new { honorific = "先生", firstName = "伟", lastName = "王", email = "wang@example.org", language = "zh", latinName = "Wang, Wei" }),
            await PersonAsync(api, new { honorific = "السيد", firstName = "كريم", lastName = "حداد", email = "haddad@example.org", language = "ar", latinName = "Haddad, Karim" }),
        ];
        var e = await (await api.PostAsJsonAsync("/api/events", new
        {
            title = "National Day of Azerbaijan",
            kind = "NationalDay",
            startsAt = "2026-05-28T18:00",
            timeZone = "Asia/Shanghai",
            venue = "Embassy of Azerbaijan",
            dressCode = "Dark suit",
            rsvpBy = "2026-05-20",
            hosts = new[] { host },
            languages = (string[])["en", "fr", "ru", "es", "zh", "ar"],
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = e.GetProperty("id").GetString()!;
        Assert.Equal(host, Assert.Single(e.GetProperty("hosts").EnumerateArray()).GetString());
        (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { contactIds = guests })).EnsureSuccessStatusCode();

        // Before the French words are written, the API names what is missing; the dress code needs nobody (a code the table knows).
        var before = await api.GetFromJsonAsync<JsonElement>($"/api/events/{id}/texts/fr");
        Assert.Equal(["title", "venue", "who invites"], before.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).Order(StringComparer.Ordinal));

        var words = new Dictionary<string, (string Title, string Hosts, string Venue)>
        {
            ["fr"] = ("Fête nationale de l'Azerbaïdjan", "L'Ambassadrice de la République d'Azerbaïdjan", "Ambassade d'Azerbaïdjan"),
            ["ru"] = ("Национальный день Азербайджана", "Посол Азербайджанской Республики", "Посольство Азербайджана"),
            ["es"] = ("Día Nacional de Azerbaiyán", "La Embajadora de la República de Azerbaiyán", "Embajada de Azerbaiyán"),
            ["zh"] = ("阿塞拜疆国庆日", "阿塞拜疆共和国驻华大使", "阿塞拜疆驻华大使馆"),
            ["ar"] = ("العيد الوطني لأذربيجان", "سفيرة جمهورية أذربيجان", "سفارة أذربيجان"),
        };
        foreach (var (language, (title, hosts, venue)) in words)
        {
            var put = await api.PutAsJsonAsync($"/api/events/{id}/texts/{language}", new { title, hosts, venue });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Empty((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missing").EnumerateArray());
        }
        // A field left out keeps its value; "" clears it.
        await api.PutAsJsonAsync($"/api/events/{id}/texts/fr", new { occasion = "" });
        Assert.Equal("Ambassade d'Azerbaïdjan", (await api.GetFromJsonAsync<JsonElement>($"/api/events/{id}/texts/fr")).GetProperty("venue").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/events/{id}/texts/de")).StatusCode);

        (await api.PostAsJsonAsync($"/api/events/{id}/invitations", new { })).EnsureSuccessStatusCode();
        var worker = _app.Services.GetRequiredService<OutboxWorker>();
        while (await worker.SendDueAsync(CancellationToken.None) > 0)
        {
        }
        var mail = new Dictionary<string, MimeMessage>();
        while (_smtp.TryTake(out var message))
        {
            mail[message!.To.Mailboxes.Single().Address] = message;
        }
        Assert.Equal(6, mail.Count);
        // From carries the mission's name.
        Assert.Equal(("Embassy of Azerbaijan", "events@ministry.example"), (mail["wang@example.org"].From.Mailboxes.Single().Name, mail["wang@example.org"].From.Mailboxes.Single().Address));

        string Body(string address) => mail[address].TextBody!;
        Assert.Contains("Sevinj Abbasova, Ambassador of Azerbaijan, requests the pleasure of the company of Mr. John Carter at a reception on the occasion of the National Day", Body("carter@example.org"));
        Assert.Contains("L'Ambassadrice de la République d'Azerbaïdjan prie Mme Claire Martin de lui faire l'honneur d'assister à une réception à l'occasion de la Fête nationale", Body("martin@example.org"));
        Assert.Contains("Tenue : tenue de ville", Body("martin@example.org"));
        // Russian names the guest above, in the nominative, and invites «Вас»: no name declined by guesswork.
        Assert.Contains("г-н Иван Петров\n\nПосол Азербайджанской Республики имеет честь пригласить Вас на приём по случаю Национального дня", Body("petrov@example.org"));
        Assert.Contains("La Embajadora de la República de Azerbaiyán tiene el honor de invitar a la Sra. Lucía Gómez a una recepción con motivo del Día Nacional", Body("gomez@example.org"));
        Assert.Contains("敬请王伟先生光临", Body("wang@example.org"));
        Assert.Contains("阿塞拜疆共和国驻华大使", Body("wang@example.org"));
        Assert.Contains("تتشرف سفيرة جمهورية أذربيجان بدعوة السيد كريم حداد لحضور حفل الاستقبال بمناسبة العيد الوطني", Body("haddad@example.org"));
        Assert.Contains("بدلة داكنة", Body("haddad@example.org"));

        // No other language's words: in the Cyrillic, Chinese and Arabic cards no Latin word is left once the link,
        // the office's address and the typed code are taken out; the French and Spanish ones carry none of the English card's words.
        foreach (var address in new[] { "petrov@example.org", "wang@example.org", "haddad@example.org" })
        {
            var rest = Latin().Replace(Body(address).Replace("protocol", "", StringComparison.Ordinal), "");
            Assert.DoesNotMatch("[A-Za-z]{2,}", rest);
        }
        foreach (var address in new[] { "martin@example.org", "gomez@example.org" })
        {
            Assert.DoesNotMatch(@"\b(the|and|at|requests?|Dress|Embassy|Ambassador|National Day|reception|Reminder)\b", Body(address));
        }
        var ics = mail["wang@example.org"].Attachments.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        using var icsText = new StreamReader(ics.Content!.Open());
        var calendar = await icsText.ReadToEndAsync();
        Assert.Contains("SUMMARY:阿塞拜疆国庆日", calendar);
        Assert.Contains("LOCATION:阿塞拜疆驻华大使馆", calendar);
    }

    [Fact]
    public async Task Hosts_are_people_of_the_missions_own_directory_and_at_most_four()
    {
        var mission = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Protocol));
        var other = await _app.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var stranger = await _app.ApiClientAsync(await _app.CreateUserAsync(other.Id, MissionRole.Protocol));
        var theirs = await PersonAsync(stranger, new { lastName = "Someone" });
        var body = new { title = "Reception", startsAt = "2026-05-28T18:00", timeZone = "UTC", venue = "Residence", hosts = new[] { theirs } };

        var refused = await api.PostAsJsonAsync("/api/events", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not in this mission's directory", await refused.Content.ReadAsStringAsync());
        var five = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => PersonAsync(api, new { lastName = $"Host{i}" })));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/events", body with { hosts = five })).StatusCode);
        var ok = await api.PostAsJsonAsync("/api/events", body with { hosts = five[..2] });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        // A PUT that leaves hosts out keeps them.
        var id = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var put = await (await api.PutAsJsonAsync($"/api/events/{id}", new { title = "Reception", startsAt = "2026-05-28T18:00", timeZone = "UTC", venue = "Garden" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(five[..2], put.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()!));

        // The event's words: another mission's officer does not find them; the door reads them but does not write them.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/events/{id}/texts/en")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/events/{id}/texts/en", new { title = "x" })).StatusCode);
        var door = await _app.ApiClientAsync(await _app.CreateUserAsync(mission.Id, MissionRole.Door));
        Assert.Equal(HttpStatusCode.OK, (await door.GetAsync($"/api/events/{id}/texts/en")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.PutAsJsonAsync($"/api/events/{id}/texts/en", new { title = "x" })).StatusCode);
    }

    // A link, an e-mail address or a typed door code: Latin letters that belong to no language.
    [GeneratedRegex(@"https?://\S+|\S+@\S+|[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}")]
    private static partial Regex Latin();
}

public sealed class WordsFitToSendTestsOnSqlite() : WordsFitToSendTests(DatabaseSetup.Sqlite);

public sealed class WordsFitToSendTestsOnPostgres() : WordsFitToSendTests(DatabaseSetup.Postgres);
