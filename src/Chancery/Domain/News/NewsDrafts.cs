using Chancery.Data;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.News;

/// <summary>
/// A news item written from its event (<see cref="NewsDraft"/>), for every caller: the draft the API returns, the item
/// the newsroom's desk starts, a version in another language. Which event, which language and what a bad language
/// tag is are decided here once.
/// </summary>
public sealed class NewsDrafts(ChanceryDb db, GuestList list, MissionScope scope, Newsroom newsroom)
{
    /// <summary>The draft of an event in <paramref name="language"/>, by default the first language it invites in.</summary>
    public async Task<NewsDraft.Draft> WriteAsync(Guid eventId, string? language, CancellationToken ct = default)
    {
        var e = await FindEventAsync(eventId, ct);
        return await NewsDraft.WriteAsync(db, list, e, LanguageOf(e, language), ct);
    }

    /// <summary>A new item, the event's draft in <paramref name="language"/>, to be read and submitted.</summary>
    public async Task<NewsItem> StartAsync(Guid eventId, string? language, CancellationToken ct = default)
    {
        var e = await FindEventAsync(eventId, ct);
        var draft = await NewsDraft.WriteAsync(db, list, e, LanguageOf(e, language), ct);
        return await newsroom.CreateAsync(e.MissionId, new NewsInput(draft.Title.Length > 0 ? draft.Title : e.Title, draft.Body, draft.Language, e.Id), ct: ct);
    }

    /// <summary>
    /// The same story in another language: written from its event again where it has one (the template speaks the
    /// language), else a copy of <paramref name="item"/>'s words to translate.
    /// </summary>
    public async Task<NewsItem> TranslateAsync(NewsItem item, string? language, CancellationToken ct = default)
    {
        var lang = Check(Contacts.Text.Clean(language) ?? "");
        var (title, body) = (item.Title, item.Body);
        if (item.EventId is { } eventId && await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct) is { } e)
        {
            var draft = await NewsDraft.WriteAsync(db, list, e, lang, ct);
            (title, body) = (draft.Title.Length > 0 ? draft.Title : title, draft.Body);
        }
        return await newsroom.CreateAsync(item.MissionId, new NewsInput(title, body, lang, item.EventId, item.Id), ct: ct);
    }

    private Task<Event> FindEventAsync(Guid eventId, CancellationToken ct) =>
        scope.FindAsync(db.Events.AsNoTracking().Where(x => x.Id == eventId), "event", Newsroom.Writers, ct);

    private static string LanguageOf(Event e, string? language) =>
        Check(Contacts.Text.Clean(language) ?? (InvitationLanguages.Of(e, null) is [var first, ..] ? first : "en"));

    private static string Check(string language) => Contacts.ContactRules.IsLanguageTag(language) ? language
        : throw new DomainException($"'{language}' is not a language tag such as en, fr, zh or ar.", "Language");
}
