using System.Security.Cryptography;
using Chancery.Data;
using Chancery.Domain.Audit;
using Chancery.Domain.Missions;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.News;

/// <summary>What a news item is written from: a title, a Markdown body, its language, and optionally its event and the item it translates.</summary>
public sealed record NewsInput(string? Title, string? Body, string? Language, Guid? EventId = null, Guid? TranslationOf = null);

/// <summary>
/// The press office's desk (docs/news.md), GOV.UK's Whitehall as the model: an item is written as a draft,
/// submitted, and published once a second person approves it — at once or at a set time — or published at once by
/// someone allowed to, who writes down why. A published item is changed with a note readers see, and taken down
/// by withdrawal with a notice, never deleted. Every step is a saved change of the item, so the audit shows who did
/// what; a draft can be shown to someone outside through a secret preview link.
/// </summary>
public sealed class Newsroom(ChanceryDb db, MissionScope scope, TimeProvider clock, NewsCache cache, IPhotoStore photos, ILogger<Newsroom> logger)
{
    public static readonly MissionRole[] Writers = [MissionRole.Press];
    /// <summary>Who may publish without a second person: the mission's administrators (the head of mission, a delegate).</summary>
    public static readonly MissionRole[] PublishersAtOnce = [MissionRole.Admin];

    /// <summary>Whether the caller may publish <paramref name="item"/> without a second person (and change it once out).</summary>
    public bool MayPublishAtOnce(NewsItem item) => scope.Can(item.MissionId, PublishersAtOnce);

    public IQueryable<NewsItem> Items => db.NewsItems;

    public Task<NewsItem> FindAsync(Guid id, CancellationToken ct = default) =>
        scope.FindAsync(db.NewsItems.AsTracking().Where(n => n.Id == id), "news item", Writers, ct);

    /// <summary>A new draft; with <paramref name="publishNowBecause"/>, published at once in the same save (an administrator's step).</summary>
    public async Task<NewsItem> CreateAsync(Guid missionId, NewsInput input, string? publishNowBecause = null, CancellationToken ct = default)
    {
        var (title, body, language) = Checked(input);
        var reason = publishNowBecause is null ? null : PublishReason(missionId, publishNowBecause);
        var now = clock.GetUtcNow();
        var item = new NewsItem
        {
            MissionId = missionId,
            Language = language,
            Title = title,
            Body = body,
            Slug = "",
            AuthorId = scope.UserId,
            AuthorName = scope.UserName,
            CreatedAt = now,
            UpdatedAt = now,
            Editors = scope.UserId is { } author ? [author] : [],
        };
        if (input.TranslationOf is { } of)
        {
            var original = await db.NewsItems.FirstOrDefaultAsync(n => n.Id == of && n.MissionId == missionId, ct)
                ?? throw new DomainException("The item this translates is not one of this mission's.", "TranslationOf");
            if (await db.NewsItems.AnyAsync(n => n.StoryId == original.StoryId && n.Language == language, ct))
            {
                throw new DomainException($"This item already has a version in '{language}': edit that one.", "Language", DomainErrorKind.Conflict);
            }
            item.StoryId = original.StoryId;
            item.EventId = input.EventId ?? original.EventId;
        }
        else
        {
            item.StoryId = item.Id;
            item.IsPrimary = true;
            item.EventId = input.EventId;
        }
        if (item.EventId is { } eventId && !await db.Events.AnyAsync(e => e.Id == eventId && e.MissionId == missionId, ct))
        {
            throw new DomainException("There is no such event in this mission.", "EventId");
        }
        item.Slug = await FreeSlugAsync(missionId, NewsRules.SlugFrom(title), language, ct);
        if (reason is not null)
        {
            item.PublishedWithoutApprovalBecause = reason;
            Publish(item, now);
        }
        db.NewsItems.Add(item);
        await SaveAsync(ct);
        return item;
    }

    /// <summary>
    /// New words. Whoever writes them joins the item's <see cref="NewsItem.Editors"/>, who may not approve it. A
    /// submitted or scheduled item goes back to draft (what was approved is not what is there now). A published one
    /// stays public: its words change without a second person, so only an administrator changes them (as publishing
    /// at once), saying what changed in <paramref name="changeNote"/>, which readers see.
    /// </summary>
    public async Task UpdateAsync(NewsItem item, NewsInput input, string? changeNote, int? version = null, CancellationToken ct = default)
    {
        Unchanged(item, version, "saving");
        var (title, body, _) = Checked(input with { Language = item.Language });
        var note = Clean(changeNote, NewsRules.ReasonLength, "ChangeNote");
        switch (item.State)
        {
            case NewsState.Withdrawn:
                throw new DomainException("A withdrawn item is not edited: write a new one.", kind: DomainErrorKind.Conflict);
            case NewsState.Published when !scope.Can(item.MissionId, PublishersAtOnce):
                throw new DomainException("A published item is corrected by an administrator of the mission (it goes out without a second approval); or withdraw it.",
                    kind: DomainErrorKind.Forbidden);
            case NewsState.Published when note is null:
                throw new DomainException("Say what changed: readers of a published item see the note with the date.", "ChangeNote");
            case NewsState.Published:
                db.NewsChangeNotes.Add(new NewsChangeNote { MissionId = item.MissionId, NewsItemId = item.Id, At = clock.GetUtcNow(), Note = note! });
                break;
            case NewsState.Submitted or NewsState.Scheduled:
                ClearApproval(item);
                break;
        }
        WrittenBy(item, scope.UserId);
        // The address follows the title until anyone could have seen or linked it: once public, it stays.
        if (item.PublishedAt is null && item.State is NewsState.Draft or NewsState.Submitted or NewsState.Scheduled && title != item.Title)
        {
            item.Slug = await FreeSlugAsync(item.MissionId, NewsRules.SlugFrom(title), item.Language, ct, item.Id);
        }
        item.Title = title;
        item.Body = body;
        item.UpdatedAt = clock.GetUtcNow();
        await SaveAsync(ct);
    }

    public async Task SubmitAsync(NewsItem item, CancellationToken ct = default)
    {
        Expect(item, "submitted", NewsState.Draft);
        item.State = NewsState.Submitted;
        item.SubmittedAt = clock.GetUtcNow();
        await SaveAsync(ct);
    }

    /// <summary>
    /// A second person's yes: public now, or at <paramref name="publishAt"/> if that is still to come. With
    /// <paramref name="version"/>, only if the item is still the version the approver read.
    /// </summary>
    public async Task ApproveAsync(NewsItem item, DateTimeOffset? publishAt, int? version = null, CancellationToken ct = default)
    {
        Expect(item, "approved", NewsState.Submitted);
        if (scope.UserId is not { } approver || approver == item.AuthorId || item.Editors.Contains(approver))
        {
            throw new DomainException("You wrote words of this item: another person approves it (or an administrator publishes it at once, with a reason).",
                kind: DomainErrorKind.Forbidden);
        }
        Unchanged(item, version, "approving");
        var now = clock.GetUtcNow();
        item.ApprovedById = scope.UserId;
        item.ApprovedByName = scope.UserName;
        item.ApprovedAt = now;
        if (publishAt is { } at && at > now)
        {
            item.State = NewsState.Scheduled;
            item.PublishAt = at.ToUniversalTime();
        }
        else
        {
            Publish(item, now);
        }
        await SaveAsync(ct);
    }

    /// <summary>Back to its writer with what to change; the reason goes in the audit with the step.</summary>
    public async Task ReturnAsync(NewsItem item, string? reason, CancellationToken ct = default)
    {
        Expect(item, "sent back", NewsState.Submitted, NewsState.Scheduled);
        var why = Clean(reason, NewsRules.ReasonLength, "Reason") ?? throw new DomainException("Say what should change.", "Reason");
        ClearApproval(item);
        AuditEvents.Add(db, item.MissionId, "NewsReturned", nameof(NewsItem), item.Id.ToString(), clock, System.Text.Json.JsonSerializer.Serialize(new { reason = why }));
        await SaveAsync(ct);
    }

    /// <summary>Published at once without a second person, by someone allowed to, who says why.</summary>
    public async Task PublishNowAsync(NewsItem item, string? reason, CancellationToken ct = default)
    {
        var why = PublishReason(item.MissionId, reason);
        Expect(item, "published", NewsState.Draft, NewsState.Submitted, NewsState.Scheduled);
        item.PublishedWithoutApprovalBecause = why;
        Publish(item, clock.GetUtcNow());
        await SaveAsync(ct);
    }

    /// <summary>Taken down: the address stays and shows <paramref name="notice"/> in the item's place.</summary>
    public async Task WithdrawAsync(NewsItem item, string? notice, CancellationToken ct = default)
    {
        Expect(item, "withdrawn", NewsState.Published);
        item.WithdrawalNotice = Clean(notice, NewsRules.ReasonLength, "Notice")
            ?? throw new DomainException("Say why it was withdrawn: readers see the notice where the item was.", "Notice");
        item.State = NewsState.Withdrawn;
        item.WithdrawnAt = clock.GetUtcNow();
        await SaveAsync(ct);
    }

    /// <summary>Only what was never public is deleted; a published item is withdrawn instead.</summary>
    public async Task DeleteAsync(NewsItem item, CancellationToken ct = default)
    {
        if (item.PublishedAt is not null)
        {
            throw new DomainException("A published item is withdrawn, not deleted: its address and notice stay.", kind: DomainErrorKind.Conflict);
        }
        if (item.IsPrimary && await db.NewsItems.AnyAsync(n => n.StoryId == item.StoryId && n.Id != item.Id, ct))
        {
            throw new DomainException("Other language versions hang on this one: delete them first.", kind: DomainErrorKind.Conflict);
        }
        db.NewsItems.Remove(item);
        // The last version of a story takes its gallery with it.
        var gallery = await db.NewsPhotos.AsTracking().Where(p => p.StoryId == item.StoryId).ToListAsync(ct);
        if (!await db.NewsItems.AnyAsync(n => n.StoryId == item.StoryId && n.Id != item.Id, ct))
        {
            db.NewsPhotos.RemoveRange(gallery);
        }
        else
        {
            gallery.Clear();
        }
        await SaveAsync(ct);
        foreach (var photo in gallery)
        {
            await NewsPhotos.DeleteFilesAsync(photos, photo, logger);
        }
    }

    /// <summary>
    /// A change to a story's gallery changes each of its versions as new words would: whoever made it joins their
    /// writers, an approved version goes back to draft, and every version's number moves on (saved by the caller
    /// through <see cref="SaveVersionedAsync"/>). Two changes to one gallery at once: the second is refused.
    /// </summary>
    internal async Task StoryChangedAsync(Guid storyId, CancellationToken ct)
    {
        foreach (var version in await db.NewsItems.AsTracking().Where(n => n.StoryId == storyId).ToListAsync(ct))
        {
            if (version.State is NewsState.Submitted or NewsState.Scheduled)
            {
                ClearApproval(version);
            }
            WrittenBy(version, scope.UserId);
            version.UpdatedAt = clock.GetUtcNow();
            db.Entry(version).Property(n => n.UpdatedAt).IsModified = true;
        }
    }

    /// <summary>A new secret link that shows the item as it stands to whoever has it; an earlier link stops working.</summary>
    public async Task<string> NewPreviewTokenAsync(NewsItem item, CancellationToken ct = default)
    {
        // A published item has its address to share; a withdrawn one was taken down, and no link may show its words again.
        if (item.IsPublic)
        {
            throw new DomainException(item.State == NewsState.Withdrawn ? "A withdrawn item cannot be previewed: its words were taken down."
                : "A published item has its public address: share that.", kind: DomainErrorKind.Conflict);
        }
        item.PreviewToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        await SaveAsync(ct);
        return item.PreviewToken;
    }

    public async Task RevokePreviewAsync(NewsItem item, CancellationToken ct = default)
    {
        item.PreviewToken = null;
        await SaveAsync(ct);
    }

    // Every change bumps the version the save is conditional on: of two saves of one version, the second is
    // refused rather than overwriting the first (or an item the scheduler published meanwhile). Any change may
    // touch a public page (a publication, a withdrawal, a translation to link to): the cache forgets them.
    private Task SaveAsync(CancellationToken ct) => SaveVersionedAsync(db, cache, ct);

    internal static async Task SaveVersionedAsync(ChanceryDb db, NewsCache cache, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries<NewsItem>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Someone changed this item at the same moment, so nothing was saved: read it again and redo your step.",
                kind: DomainErrorKind.Conflict);
        }
        cache.Forget();
    }

    private static void Unchanged(NewsItem item, int? version, string step)
    {
        if (version is { } read && read != item.Version)
        {
            throw new DomainException($"The item changed since you read it (someone saved it meanwhile): read it again before {step}.", kind: DomainErrorKind.Conflict);
        }
    }

    private static void WrittenBy(NewsItem item, Guid? editor)
    {
        if (editor is { } id && !item.Editors.Contains(id))
        {
            item.Editors = [.. item.Editors, id];
        }
    }

    private string PublishReason(Guid missionId, string? reason)
    {
        if (!scope.Can(missionId, PublishersAtOnce))
        {
            throw new DomainException("Only the mission's administrators publish without a second person's approval: submit it instead.", kind: DomainErrorKind.Forbidden);
        }
        return Clean(reason, NewsRules.ReasonLength, "Reason")
            ?? throw new DomainException("Publishing without approval needs a written reason; it is kept in the audit.", "Reason");
    }

    private static void ClearApproval(NewsItem item)
    {
        item.State = NewsState.Draft;
        item.PublishAt = null;
        item.ApprovedById = null;
        item.ApprovedByName = null;
        item.ApprovedAt = null;
    }

    /// <summary>
    /// Publishes an approved item whose time has come (the scheduler's work, on every server): one conditional update
    /// (still scheduled, still due), so of several servers looking at once exactly one publishes it and writes the
    /// audit entry. It sets what <see cref="Publish"/> sets — the two are kept side by side for that reason — and
    /// moves the version on, so an edit saved from what was read before fails rather than undoing the publication.
    /// False when another server did, or it was sent back since.
    /// </summary>
    public async Task<bool> PublishDueAsync(Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = db.NewsItems.IgnoreQueryFilters().Where(n => n.Id == id && n.State == NewsState.Scheduled && n.PublishAt <= now);
        var item = await due.AsNoTracking().Select(n => new { n.MissionId, n.PublishAt }).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return false;
        }
        var at = item.PublishAt ?? now;
        var won = await due.ExecuteUpdateAsync(u => u.SetProperty(n => n.State, NewsState.Published)
                .SetProperty(n => n.PublishedAt, n => n.PublishedAt ?? at)
                .SetProperty(n => n.UpdatedAt, at)
                .SetProperty(n => n.PublishAt, (DateTimeOffset?)null)
                .SetProperty(n => n.PreviewToken, (string?)null)
                .SetProperty(n => n.Editors, new List<Guid>())
                .SetProperty(n => n.Version, n => n.Version + 1), ct);
        if (won == 1)
        {
            Audit.AuditEvents.Add(db, item.MissionId, "NewsPublishedOnSchedule", nameof(NewsItem), id.ToString(), clock,
                System.Text.Json.JsonSerializer.Serialize(new { publishAt = at }));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        if (won == 1)
        {
            cache.Forget();
        }
        return won == 1;
    }

    private static void Publish(NewsItem item, DateTimeOffset now)
    {
        item.State = NewsState.Published;
        item.Editors = [];
        item.PublishAt = null;
        item.PublishedAt ??= now;
        item.UpdatedAt = now;
        // What was shown in private need not stay reachable once the item is public.
        item.PreviewToken = null;
    }

    private static void Expect(NewsItem item, string step, params NewsState[] states)
    {
        if (!states.Contains(item.State))
        {
            throw new DomainException($"A {item.State.ToString().ToLowerInvariant()} item cannot be {step}.", kind: DomainErrorKind.Conflict);
        }
    }

    private static (string Title, string Body, string Language) Checked(NewsInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Clean(input.Title, NewsRules.TitleLength, "Title", errors);
        if (title is null && !errors.ContainsKey("Title"))
        {
            errors["Title"] = ["A news item needs a title."];
        }
        var body = input.Body?.Replace("\r\n", "\n", StringComparison.Ordinal) ?? "";
        if (body.Length > NewsRules.BodyLength)
        {
            errors["Body"] = [$"The text is at most {NewsRules.BodyLength:N0} characters."];
        }
        var language = Contacts.Text.Clean(input.Language);
        if (language is null || !Contacts.ContactRules.IsLanguageTag(language))
        {
            errors["Language"] = [$"'{language}' is not a language tag: say which language the item is written in (en, fr, zh, ar, …)."];
        }
        DomainException.ThrowIfAny(errors, "The news item was not saved.");
        return (title!, body, language!);
    }

    private static string? Clean(string? text, int max, string field, Dictionary<string, string[]>? errors = null)
    {
        var clean = Contacts.Text.Clean(text);
        if (clean is not null && clean.Length > max)
        {
            var message = $"At most {max:N0} characters.";
            if (errors is null)
            {
                throw new DomainException(message, field);
            }
            errors[field] = [message];
        }
        return clean;
    }

    private async Task<string> FreeSlugAsync(Guid missionId, string wanted, string language, CancellationToken ct, Guid? self = null)
    {
        var taken = await db.NewsItems.Where(n => n.MissionId == missionId && n.Slug.StartsWith(wanted) && n.Id != self).Select(n => n.Slug).ToListAsync(ct);
        var set = taken.ToHashSet(StringComparer.Ordinal);
        if (!set.Contains(wanted))
        {
            return wanted;
        }
        var withLanguage = $"{wanted}-{Events.InvitationLanguages.Primary(language)}";
        if (!set.Contains(withLanguage))
        {
            return withLanguage;
        }
        return Enumerable.Range(2, 10_000).Select(n => $"{wanted}-{n}").First(s => !set.Contains(s));
    }
}
