using System.Net.Http.Json;
using System.Text.Json;
using Chancery.Domain.Missions;
using Chancery.Tests.Press;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Tests.Infrastructure;

/// <summary>
/// One mission holding a record of every kind a route can name — the scripted event with its guests, contacts and
/// organizations; a submitted news item with a photo and a preview link, a published one; a press article with its
/// clipping in a published exhibition — and a user of each role, plus an administrator of another mission: what the
/// access matrix and the fuzz address every route with.
/// </summary>
public sealed class SampleMission
{
    public required Guid MissionId { get; init; }
    public required string Slug { get; init; }
    public required Guid EventId { get; init; }
    public required Guid GuestId { get; init; }
    public required Guid ContactId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid NewsId { get; init; }
    public required Guid PhotoId { get; init; }
    /// <summary>A photo of the published item: the public pages show it.</summary>
    public required Guid PublishedPhotoId { get; init; }
    public required string PreviewToken { get; init; }
    public required string PublishedSlug { get; init; }
    public required Guid ArticleId { get; init; }
    public required Guid ExhibitionId { get; init; }
    public required string ExhibitionSlug { get; init; }
    public required string RsvpToken { get; init; }
    /// <summary>The e-mail of a member of each role of this mission.</summary>
    public required IReadOnlyDictionary<MissionRole, string> Members { get; init; }
    /// <summary>An administrator of another mission, with a record of each kind there too.</summary>
    public required string Stranger { get; init; }
    public required Guid StrangerMissionId { get; init; }

    public static async Task<SampleMission> BuildAsync(TestApp app)
    {
        var h = await ScriptedEvent.HoldAsync(app);
        var members = Enum.GetValues<MissionRole>().ToDictionary(r => r, r => "");
        foreach (var role in Enum.GetValues<MissionRole>())
        {
            members[role] = await app.CreateUserAsync(h.MissionId, role);
        }
        var writer = await app.ApiClientAsync(await app.CreateUserAsync(h.MissionId, MissionRole.Press));
        var admin = await app.ApiClientAsync(members[MissionRole.Admin]);

        var news = await IdAsync(await writer.PostAsJsonAsync("/api/news", new { title = "Reception for the national day", body = "The guests arrived.", language = "en", eventId = h.EventId }));
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(TestClippings.Jpeg(800, 600)), "file", "garden.jpg" }, { new StringContent("The garden"), "alt" } })
        {
            (await writer.PostAsync($"/api/news/{news}/photos", form)).EnsureSuccessStatusCode();
        }
        var photo = Guid.Parse((await writer.GetFromJsonAsync<JsonElement[]>($"/api/news/{news}/photos"))![0].GetProperty("id").GetString()!);
        var preview = (await (await writer.PostAsync($"/api/news/{news}/preview-link", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        (await writer.PostAsync($"/api/news/{news}/submit", null)).EnsureSuccessStatusCode();
        var published = await (await admin.PostAsJsonAsync("/api/news", new { title = "Visit of the minister", body = "Words.", language = "en", publish = true, reason = "Same day." }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(TestClippings.Jpeg(800, 600)), "file", "visit.jpg" }, { new StringContent("The visit"), "alt" } })
        {
            (await admin.PostAsync($"/api/news/{published.GetProperty("id").GetString()}/photos", form)).EnsureSuccessStatusCode();
        }
        var publishedPhoto = Guid.Parse((await admin.GetFromJsonAsync<JsonElement[]>($"/api/news/{published.GetProperty("id").GetString()}/photos"))![0].GetProperty("id").GetString()!);

        var article = await IdAsync(await writer.PostAsJsonAsync("/api/press", new { outlet = "Le Quotidien", title = "L'ambassade célèbre", language = "fr", publishedOn = "2026-02-27" }));
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(TestClippings.Jpeg(600, 900)), "file", "scan.jpg" } })
        {
            (await writer.PostAsync($"/api/press/{article}/clipping", form)).EnsureSuccessStatusCode();
        }
        var exhibition = await (await writer.PostAsJsonAsync("/api/press/exhibitions", new { language = "en", titles = new { en = "The press remembers" }, published = true, pieces = new[] { new { articleId = article } } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var guest = (await h.Office.GetFromJsonAsync<JsonElement[]>($"/api/events/{h.EventId}/guests"))!.First(g => g.GetProperty("contact").GetProperty("organization").ValueKind == JsonValueKind.Object);
        var (_, _, token) = await app.GuestCodesAsync(h.MissionId, h.EventId, Guid.Parse(guest.GetProperty("id").GetString()!));
        // As sending the invitation records it: the reply page knows the guest by this token's hash.
        await app.WithDbAsync(db => db.Guests.IgnoreQueryFilters().Where(g => g.Id == Guid.Parse(guest.GetProperty("id").GetString()!))
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.RsvpTokenHash, Domain.Invitations.GuestSecrets.TokenHash(token))));
        var slug = await app.WithDbAsync(db => db.Missions.IgnoreQueryFilters().Where(m => m.Id == h.MissionId).Select(m => m.Slug).SingleAsync());

        var other = await app.CreateMissionAsync($"Other embassy {Guid.NewGuid():N}");
        var stranger = await app.CreateUserAsync(other.Id, MissionRole.Admin);
        var theirs = await app.ApiClientAsync(stranger);
        (await theirs.PostAsJsonAsync("/api/contacts", new { lastName = "Theirs" })).EnsureSuccessStatusCode();

        return new SampleMission
        {
            MissionId = h.MissionId,
            Slug = slug,
            EventId = h.EventId,
            GuestId = Guid.Parse(guest.GetProperty("id").GetString()!),
            ContactId = Guid.Parse(guest.GetProperty("contact").GetProperty("id").GetString()!),
            OrganizationId = Guid.Parse(guest.GetProperty("contact").GetProperty("organization").GetProperty("id").GetString()!),
            NewsId = news,
            PhotoId = photo,
            PublishedPhotoId = publishedPhoto,
            PreviewToken = preview[(preview.LastIndexOf('/') + 1)..],
            PublishedSlug = published.GetProperty("slug").GetString()!,
            ArticleId = article,
            ExhibitionId = Guid.Parse(exhibition.GetProperty("id").GetString()!),
            ExhibitionSlug = exhibition.GetProperty("slug").GetString()!,
            RsvpToken = token,
            Members = members,
            Stranger = stranger,
            StrangerMissionId = other.Id,
        };
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    /// <summary>
    /// A route's address with this mission's records in its parameters: <c>{id}</c> by what the path names before it
    /// (an event, a contact, a news item…), the others by their names; optional parameters left out.
    /// <paramref name="missing"/>: the last record parameter replaced by an id no mission has.
    /// </summary>
    public string Address(string pattern, bool missing = false)
    {
        var parameters = System.Text.RegularExpressions.Regex.Matches(pattern, @"\{\*{0,2}([A-Za-z]+)[^}]*\}").ToList();
        var last = parameters.LastOrDefault(p => p.Value.Contains("guid", StringComparison.Ordinal));
        var path = pattern;
        foreach (var p in Enumerable.Reverse(parameters))
        {
            var value = p.Value.EndsWith("?}", StringComparison.Ordinal) ? null
                : missing && p == last ? Guid.NewGuid().ToString()
                : Value(pattern[..p.Index], p.Groups[1].Value);
            path = value is null ? path.Remove(p.Index > 0 && path[p.Index - 1] == '/' ? p.Index - 1 : p.Index, p.Length + (p.Index > 0 && path[p.Index - 1] == '/' ? 1 : 0))
                : path.Remove(p.Index, p.Length).Insert(p.Index, value);
        }
        return path;
    }

    private string Value(string before, string name) => name switch
    {
        "guestId" => GuestId.ToString(),
        "photoId" => before.StartsWith("/m/", StringComparison.Ordinal) && !before.Contains("/preview/", StringComparison.Ordinal) ? PublishedPhotoId.ToString() : PhotoId.ToString(),
        "articleId" => ArticleId.ToString(),
        "language" => "en",
        "size" => "large",
        "documentName" => "v1",
        "slug" => Slug,
        "item" => PublishedSlug,
        "exhibition" => ExhibitionSlug,
        "token" => before.Contains("/preview/", StringComparison.Ordinal) ? PreviewToken : RsvpToken,
        "path" => "nothing-here",
        "id" => IdOf(before.ToLowerInvariant()),
        _ => throw new InvalidOperationException($"No sample value for {{{name}}} in {before}…"),
    };

    private string IdOf(string before) => before switch
    {
        _ when before.Contains("/events/", StringComparison.Ordinal) => EventId.ToString(),
        _ when before.Contains("/contacts/", StringComparison.Ordinal) => ContactId.ToString(),
        _ when before.Contains("/organizations/", StringComparison.Ordinal) => OrganizationId.ToString(),
        _ when before.Contains("/news/", StringComparison.Ordinal) => NewsId.ToString(),
        _ when before.Contains("/exhibitions/", StringComparison.Ordinal) => ExhibitionId.ToString(),
        _ when before.Contains("/press/", StringComparison.Ordinal) => ArticleId.ToString(),
        _ when before.Contains("/missions/", StringComparison.Ordinal) => MissionId.ToString(),
        _ => throw new InvalidOperationException($"No sample record for {{id}} after {before}"),
    };
}
