using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Guests;

/// <summary>API.md "Guests": a guest list built from the directory and read in order of precedence.</summary>
public abstract class GuestsApiTests(TestApp fixture)
{
    private TestApp App => fixture.Ready();

    private async Task<(HttpClient Api, string EventId, Guid MissionId)> EventWithDirectoryAsync()
    {
        var mission = await App.CreateMissionAsync($"Embassy {Guid.NewGuid():N}");
        var api = await App.ApiClientAsync(await App.CreateUserAsync(mission.Id, MissionRole.Protocol));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Fixture("diplomatic-list.csv")), "file", "list.csv" } };
        (await api.PostAsync("/api/contacts/import", form)).EnsureSuccessStatusCode();
        var e = await (await api.PostAsJsonAsync("/api/events", new { title = "National Day reception", kind = "NationalDay", startsAt = "2026-05-28T18:00", timeZone = "Asia/Shanghai", venue = "Residence" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return (api, e.GetProperty("id").GetString()!, mission.Id);
    }

    [Fact]
    public async Task A_person_on_a_guest_list_cannot_be_deleted_and_is_told_what_to_do_instead()
    {
        var (api, id, _) = await EventWithDirectoryAsync();
        await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } });
        var person = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=virtanen"))!.Single().GetProperty("id").GetString();

        var refused = await api.DeleteAsync($"/api/contacts/{person}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("National Day reception", detail);
        Assert.Contains("erase", detail);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/contacts/{person}")).StatusCode);

        // Someone on no list goes.
        var loner = await (await api.PostAsJsonAsync("/api/contacts", new { lastName = "Nobody-invited" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/contacts/{loner.GetProperty("id").GetString()}")).StatusCode);
    }

    [Fact]
    public async Task An_empty_filter_adds_the_whole_directory_once()
    {
        var (api, id, _) = await EventWithDirectoryAsync();

        var first = await (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((15, 0), (first.GetProperty("added").GetInt32(), first.GetProperty("alreadyOnList").GetInt32()));
        Assert.Equal((0, 15), (again.GetProperty("added").GetInt32(), again.GetProperty("alreadyOnList").GetInt32()));
        var guests = await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests");
        Assert.Equal(15, guests!.Length);
        Assert.All(guests, g => Assert.Equal("pending", g.GetProperty("rsvp").GetString()));
        Assert.All(guests, g => Assert.Equal("notSent", g.GetProperty("invitation").GetString()));
    }

    [Fact]
    public async Task The_head_of_an_international_organization_comes_after_the_heads_of_mission_and_before_every_diplomat_and_consul()
    {
        var (api, id, _) = await EventWithDirectoryAsync();
        var who = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=nwosu"))!.Single().GetProperty("id").GetString();
        var marked = await api.PutAsJsonAsync($"/api/contacts/{who}", new
        {
            firstName = "Amara",
            lastName = "Nwosu",
            position = "WHO Representative",
            headOfOrganization = true,
            organization = new { name = "World Health Organization", type = "InternationalOrganization" },
        });
        Assert.True((await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headOfOrganization").GetBoolean());
        // A client that does not know the field keeps it as it was.
        var untouched = await api.PutAsJsonAsync($"/api/contacts/{who}", new { firstName = "Amara", lastName = "Nwosu", position = "WHO Representative", organization = new { name = "World Health Organization" } });
        Assert.True((await untouched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headOfOrganization").GetBoolean());
        await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } });

        var guests = await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests?order=precedence");
        var lastNames = guests!.Select(g => g.GetProperty("contact").GetProperty("lastName").GetString()).ToList();

        // Four ambassadors, the envoy and the chargé a.i., then the head of WHO (docs/events.md §4, heads of international organizations after the corps), then the staff.
        Assert.Equal("Nwosu", lastNames[6]);
        Assert.True(lastNames.IndexOf("Nwosu") < lastNames.IndexOf("Järvinen"));
        Assert.True(lastNames.IndexOf("Nwosu") < lastNames.IndexOf("Muñoz, Soto"));
    }

    [Fact]
    public async Task The_import_marks_the_head_of_an_international_organization_and_the_export_writes_it_back()
    {
        var (api, _, _) = await EventWithDirectoryAsync();
        var csv = "LastName,FirstName,Organization,OrganizationType,HeadOfOrganization\nNwosu,Amara,World Health Organization,InternationalOrganization,yes\nMensah,Kwame,Embassy of Ghana,Embassy,maybe\n";
        using var bad = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "io.csv" } };
        var refused = await (await api.PostAsync("/api/contacts/import", bad)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(refused.GetProperty("errors").EnumerateArray(), e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() == "HeadOfOrganization");

        using var good = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv.Replace("maybe", "no", StringComparison.Ordinal))), "file", "io.csv" } };
        (await api.PostAsync("/api/contacts/import", good)).EnsureSuccessStatusCode();

        var who = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?q=nwosu"))!.Single();
        Assert.True(who.GetProperty("headOfOrganization").GetBoolean());
        var export = await api.GetStringAsync("/api/contacts/export.csv");
        var column = Array.IndexOf(export.Split('\n')[0].TrimStart('\uFEFF').TrimEnd('\r').Split(','), "HeadOfOrganization");
        Assert.True(column >= 0);
        Assert.Contains(export.Split('\n'), line => line.Contains("Nwosu", StringComparison.Ordinal) && line.TrimEnd('\r').Split(',')[column] == "yes");
    }

    [Fact]
    public async Task The_list_follows_the_order_of_precedence_heads_by_class_and_date_then_interim_then_staff()
    {
        var (api, id, _) = await EventWithDirectoryAsync();
        await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } });

        var guests = await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests?order=precedence");
        var lastNames = guests!.Select(g => g.GetProperty("contact").GetProperty("lastName").GetString()).ToList();

        // Georgia 10:30 before Peru 11:15 the same day (Art. 16), ambassadors before the envoy (Art. 14), then the chargé a.i. (Art. 19).
        Assert.Equal(["ბერიძე", "Quispe Mamani", "Virtanen", "الخطيب", "De León", "Kovačič"], lastNames.Take(6));
        Assert.True(lastNames.IndexOf("Järvinen") < lastNames.IndexOf("김"), "a counsellor precedes a first secretary (rule 7)");
    }

    [Fact]
    public async Task By_name_is_alphabetical_and_filters_and_ids_add_just_those_people()
    {
        var (api, id, _) = await EventWithDirectoryAsync();

        var heads = await (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { tag = "heads-of-mission" } })).Content.ReadFromJsonAsync<JsonElement>();
        var press = (await api.GetFromJsonAsync<JsonElement[]>("/api/contacts?category=Press"))!.Select(c => c.GetProperty("id").GetString()).ToList();
        var byId = await (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { contactIds = press })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(6, heads.GetProperty("added").GetInt32());
        Assert.Equal(press.Count, byId.GetProperty("added").GetInt32());
        var names = (await api.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests?order=name"))!.Select(g => g.GetProperty("contact").GetProperty("lastName").GetString()).ToList();
        // By family name in Latin letters, whatever the script: ბერიძე as Beridze, الخطيب as (al-)Khatib.
        Assert.Equal(["ბერიძე", "De León", "الخطيب"], names.Where(n => n is "ბერიძე" or "De León" or "الخطيب"));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task A_filter_of_several_categories_adds_the_people_of_any_of_them_and_a_flood_of_categories_is_refused()
    {
        var (api, id, _) = await EventWithDirectoryAsync();
        string[] both = ["Press", "Government"];
        var expected = 0;
        foreach (var category in both)
        {
            expected += (await api.GetFromJsonAsync<JsonElement[]>($"/api/contacts?category={category}"))!.Length;
        }

        var added = await (await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { categories = both } })).Content.ReadFromJsonAsync<JsonElement>();
        var flood = await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { categories = Enumerable.Range(0, 101).Select(i => $"c{i}") } });

        Assert.True(expected >= 2);
        Assert.Equal(expected, added.GetProperty("added").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, flood.StatusCode);
        Assert.Contains("filter.categories", await flood.Content.ReadAsStringAsync());
        // A blank category is a mistake, not "any": it must not let the whole directory through.
        var blank = await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { categories = (string[])[" "] } });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
    }

    [Fact]
    public async Task Another_missions_people_cannot_be_added_and_its_lists_are_404()
    {
        var (api, id, _) = await EventWithDirectoryAsync();
        var (otherApi, otherEvent, _) = await EventWithDirectoryAsync();
        var stranger = (await otherApi.GetFromJsonAsync<JsonElement[]>("/api/contacts?limit=1"))![0].GetProperty("id").GetString();

        var response = await api.PostAsJsonAsync($"/api/events/{id}/guests", new { contactIds = new[] { stranger } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/events/{otherEvent}/guests")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/events/{otherEvent}/guests", new { filter = new { } })).StatusCode);
    }

    [Fact]
    public async Task Door_staff_read_the_list_but_do_not_build_it()
    {
        var (api, id, missionId) = await EventWithDirectoryAsync();
        await api.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } });
        var door = await App.ApiClientAsync(await App.CreateUserAsync(missionId, MissionRole.Door));

        Assert.Equal(15, (await door.GetFromJsonAsync<JsonElement[]>($"/api/events/{id}/guests"))!.Length);
        Assert.Equal(HttpStatusCode.Forbidden, (await door.PostAsJsonAsync($"/api/events/{id}/guests", new { filter = new { } })).StatusCode);
    }
}

public sealed class GuestsApiTestsOnSqlite(TestApp app) : GuestsApiTests(app), IClassFixture<TestApp>;

public sealed class GuestsApiTestsOnPostgres(PostgresTestApp app) : GuestsApiTests(app), IClassFixture<PostgresTestApp>;
