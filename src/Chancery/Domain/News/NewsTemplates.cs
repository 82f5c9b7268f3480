using Chancery.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.News;

/// <summary>
/// The press office's own wording of the draft, per language: read, saved (only a template the draft can use, checked
/// by <see cref="NewsDraft.Check"/>, so a saved template never breaks a draft), and dropped for the shipped one. Every
/// caller (the API, the Templates page) saves through here.
/// </summary>
public sealed class NewsTemplates(ChanceryDb db, TimeProvider clock)
{
    public sealed record Wording(string Language, string Text, bool Shipped);

    public async Task<Wording> ReadAsync(Guid missionId, string? language, CancellationToken ct = default)
    {
        var tag = Tag(language);
        var own = await db.NewsTemplates.AsNoTracking().Where(t => t.MissionId == missionId && t.Language == tag).Select(t => t.Text).FirstOrDefaultAsync(ct);
        return new Wording(tag, own ?? NewsDraft.ShippedTemplate(tag), own is null);
    }

    public async Task<Wording> SaveAsync(Guid missionId, string? language, string? text, CancellationToken ct = default)
    {
        var tag = Tag(language);
        // As a browser's textarea sends it or as an API client does: the same template.
        var words = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        if (NewsDraft.Check(words) is { } problem)
        {
            throw new DomainException(problem, "Text");
        }
        var own = await db.NewsTemplates.AsTracking().FirstOrDefaultAsync(t => t.MissionId == missionId && t.Language == tag, ct);
        if (own is null)
        {
            db.NewsTemplates.Add(own = new NewsTemplate { MissionId = missionId, Language = tag, Text = words });
        }
        own.Text = words;
        own.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new Wording(tag, words, false);
    }

    public async Task ResetAsync(Guid missionId, string? language, CancellationToken ct = default)
    {
        var tag = Tag(language);
        await db.NewsTemplates.Where(t => t.MissionId == missionId && t.Language == tag).ExecuteDeleteAsync(ct);
    }

    /// <summary>The languages the mission has its own wording in.</summary>
    public Task<List<string>> OwnLanguagesAsync(Guid missionId, CancellationToken ct = default) =>
        db.NewsTemplates.AsNoTracking().Where(t => t.MissionId == missionId).OrderBy(t => t.Language).Select(t => t.Language).ToListAsync(ct);

    public static bool IsLanguage(string? language) => language is { Length: <= 40 } && Contacts.ContactRules.IsLanguageTag(language);

    private static string Tag(string? language) => IsLanguage(language) ? language!
        : throw new DomainException($"'{language}' is not a language tag such as en, fr, zh or ar.", "Language");
}
