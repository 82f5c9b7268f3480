using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Names;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Fluid;
using Fluid.Values;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.News;

/// <summary>
/// The news item written from what the event holds (docs/news.md, API.md "Newsroom"): its occasion, venue and date,
/// who came by category, the heads of mission among them, the programme in order and who spoke, with a placeholder
/// where only a person can write. The words come from a Liquid template per language (shipped for English, French,
/// Chinese and Arabic; a mission may write its own), so the press office changes wording without a release.
/// Everything a template can print is Markdown-escaped, so a name never becomes a link or a heading; a person who
/// asked not to be named publicly, or who was erased, is counted and never named.
/// </summary>
public static partial class NewsDraft
{
    public sealed record Draft(string Title, string Body, string Language);

    /// <summary>The tags a news template may use (<see cref="TextTemplates.Tags"/>).</summary>
    public static IReadOnlyList<string> Tags => TextTemplates.Tags;

    private static FluidParser Parser => TextTemplates.Parser;
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new();
    private static TemplateOptions Options => TextTemplates.Options;
    /// <summary>What a draft may come to: a generous news item, not a runaway loop's output.</summary>
    private const int MaxLength = 200_000;

    /// <summary>The shipped template of a language (English's for a language none is shipped for).</summary>
    public static string ShippedTemplate(string language)
    {
        var name = NewsWords.IsShipped(language) ? Events.InvitationLanguages.Primary(language) : "en";
        using var stream = typeof(NewsDraft).Assembly.GetManifestResourceStream("news-template-" + name)
            ?? throw new InvalidOperationException($"The shipped news template '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Null when <paramref name="text"/> is a template Chancery can use, else what is wrong and where (line and column).</summary>
    public static string? Check(string text)
    {
        if (text.Length > NewsRules.TemplateLength)
        {
            return $"A template is at most {NewsRules.TemplateLength:N0} characters.";
        }
        if (RangeInTag().Match(text) is { Success: true } range)
        {
            return $"Ranges such as {range.Groups[1].Value} are not available in news templates: loop over what the event holds (programme, speakers, …).";
        }
        return Parser.TryParse(text, out _, out var error) ? null
            : $"The template cannot be read: {Where(error)}" + (error.StartsWith("Unknown tag", StringComparison.Ordinal) ? $" News templates use only these tags: {string.Join(", ", Tags)}." : "");
    }

    /// <summary>The draft of <paramref name="e"/> in <paramref name="language"/>, read under the mission filter of <paramref name="db"/>.</summary>
    public static async Task<Draft> WriteAsync(ChanceryDb db, GuestList list, Event e, string language, CancellationToken ct = default)
    {
        var own = await db.NewsTemplates.AsNoTracking().Where(t => t.MissionId == e.MissionId && t.Language == language).Select(t => t.Text).FirstOrDefaultAsync(ct);
        var source = own ?? ShippedTemplate(language);
        if (Parsed.Count > 200)
        {
            Parsed.Clear(); // every mission's every language is far fewer; a stream of edits must not fill memory
        }
        var template = Parsed.GetOrAdd(source, s => Check(s) is { } problem ? throw new DomainException($"The news template for '{language}': {problem}")
            : Parser.TryParse(s, out var t, out _) ? t : throw new InvalidOperationException("A template that passed its check could not be parsed."));
        var model = await ModelAsync(db, list, e, NewsWords.For(language), ct);
        var context = new TemplateContext(model, Options) { CultureInfo = NewsWords.For(language).Culture };
        context.AmbientValues["words"] = NewsWords.For(language);
        using var writer = new CappedWriter(MaxLength);
        try
        {
            await template.RenderAsync(writer, NullEncoder.Default, context);
        }
        catch (InvalidOperationException ex)
        {
            // MaxSteps, or the cap on what it writes: a loop in a mission's own template that would not end.
            throw new DomainException($"The news template for '{language}' did not finish: {ex.Message}");
        }
        catch (Exception ex) when (own is not null && ex is not OperationCanceledException)
        {
            // The mission's own wording failing in a way its check did not foresee: its words to mend, not a server error.
            throw new DomainException($"The news template for '{language}' could not be used: {ex.Message}");
        }
        return Split(writer.ToString(), language);
    }

    /// <summary>The template's first line "# …" is the title (as plain text); the rest is the body, blank lines tidied.</summary>
    private static Draft Split(string text, string language)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        var title = "";
        if (first >= 0 && lines[first].TrimStart().StartsWith("# ", StringComparison.Ordinal))
        {
            title = Unescape(lines[first].TrimStart()[2..].Trim());
            // A headline begins with a capital, whatever the event's title begins with ("national Day…" is a slip).
            title = title.Length > 0 ? char.ToUpperInvariant(title[0]) + title[1..] : title;
            lines.RemoveAt(first);
        }
        var body = ExtraBlankLines().Replace(string.Join('\n', lines.Select(l => l.TrimEnd())), "\n\n").Trim();
        return new Draft(title.Length > NewsRules.TitleLength ? title[..NewsRules.TitleLength] : title, body + "\n", language);
    }

    private static async Task<Dictionary<string, object?>> ModelAsync(ChanceryDb db, GuestList list, Event e, NewsWords words, CancellationToken ct)
    {
        var mission = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == e.MissionId, ct);
        var own = await db.InvitationTexts.AsNoTracking().FirstOrDefaultAsync(t => t.EventId == e.Id && t.Language == words.Language, ct);
        // The event's words in the draft's language, as its cards have them (its title, place, who invites).
        var local = Invitations.EventWords.For(e, await Invitations.EventVoice.OfAsync(db, e, mission, ct), own, words.Language);
        var written = mission.Language ?? Events.InvitationLanguages.Fallback;
        var uncertain = false;
        string Marked((string Name, bool Unsure) n)
        {
            uncertain |= n.Unsure;
            return n.Unsure ? n.Name + " †" : n.Name;
        }
        string Named(Contact c) => Marked((Invitations.InvitationWording.InLanguage(c, words.Language, mission.AddressPractice, out var unsure), unsure));
        string OrganizationOf(Organization o) => Marked(OrganizationNames.In(o, words.Language, written) is var n ? (n.Name, n.Uncertain) : default);
        var guests = await list.ReadAsync(e.MissionId, e.Id, byPrecedence: true, ct);
        var came = guests.Where(g => g.CheckedInAt is not null).Select(g => g.Contact!).ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => c.MissionId == e.MissionId).OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync(ct);
        var present = came.Select(c => c.Category?.Name).OfType<string>().ToHashSet();
        var programme = await db.ProgrammeItems.AsNoTracking().Where(p => p.EventId == e.Id)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.StartsAtLocal).ToListAsync(ct);
        var speakerIds = programme.Select(p => p.SpeakerContactId).OfType<Guid>().ToList();
        var speakers = await db.Contacts.AsNoTracking().Where(c => speakerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        // Held at the mission: said with the mission's name in this language ("at the Embassy of …"), as its own news
        // items say it, not with the corner of it the card names ("Courtyard of the Embassy").
        var atMission = AtMission(e, own?.Venue, mission);
        var missionName = Marked(OrganizationNames.In(mission.Name, OrganizationNames.KindOf(mission.Name), mission.Country, mission.Names, words.Language, written) is var m ? (m.Name, m.Uncertain) : default);
        var place = atMission ? words.Office(missionName) : own?.Venue ?? e.Venue;
        var city = mission.City is { } c && Invitations.EventWords.LatinScript(words.Language) == (Scripts.OfName(c) is Script.Latin) ? c : null;

        var items = programme.Where(p => !NewsRules.IsLogistics(p)).Select(p =>
        {
            var title = Invitations.EventWords.TitleIn(p, words.Language);
            if (Invitations.EventWords.UntitledIn([p], words.Language, written).Count > 0)
            {
                title = Marked((title, true)); // still in the mission's language: the press office writes it in this one
            }
            var speaker = Speaker(p, speakers, Named, words.Language == written ? null : words.Language);
            if (speaker is { Typed: true } && Events.InvitationLanguages.Primary(words.Language) != Events.InvitationLanguages.Primary(written))
            {
                // The officer wrote the speaker's rank and honours in the mission's language: the press office checks them here.
                speaker = speaker with { Words = Marked((speaker.Words, true)) };
            }
            return new Dictionary<string, object?>
            {
                ["title"] = Escape(title),
                // The item as the object of a sentence ("The event opened with the laying of a wreath").
                ["phrase"] = Escape(words.Phrase(title)),
                ["time"] = p.StartsAtLocal?.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["place"] = Escape(p.Place),
                ["speaker"] = Escape(speaker?.Words),
                // A speaker written with an apposition ("Colonel X, Military Attaché") closes it with a comma before the verb.
                ["apposition"] = speaker?.Words.Contains(',', StringComparison.Ordinal) == true,
                // Arabic puts the verb first, agreeing with its subject in gender (ألقى / ألقت); unknown, a template says it without a verb.
                ["gender"] = speaker?.Gender switch { Gender.Female => "female", Gender.Male => "male", _ => null },
            };
        }).ToList();
        return new Dictionary<string, object?>
        {
            ["event"] = new Dictionary<string, object?>
            {
                ["title"] = Escape(local.Title),
                // A news item names the event by its title: the card's occasion ("a reception") is a phrase for after "at".
                ["occasion"] = Escape(local.Title),
                ["venue"] = Escape(own?.Venue ?? e.Venue),
                // Where it was held, as a noun ("the Embassy of …", « l'Ambassade … ») and with its preposition ("at …", « au Consulat … »).
                ["place"] = Escape(place),
                ["at"] = Escape(words.At(place, atMission)),
                ["at_mission"] = atMission,
                ["address"] = Escape(e.Address),
                ["hosts"] = Escape(local.Hosts),
                ["date"] = words.Date(e.StartsAtLocal),
                ["time"] = e.StartsAtLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["kind"] = e.Kind.ToString(),
            },
            ["mission"] = new Dictionary<string, object?>
            {
                ["name"] = Escape(missionName),
                ["country"] = Escape(mission.Country),
                ["city"] = Escape(city),
            },
            ["attendance"] = new Dictionary<string, object?>
            {
                ["total"] = came.Count,
                ["groups"] = categories.Where(present.Contains).Select(c => Escape(words.Category(c, city))).ToList(),
                ["missions"] = came.Where(c => c.Organization?.Type is OrganizationType.Embassy or OrganizationType.Consulate).Select(c => c.OrganizationId).Distinct().Count(),
                ["organizations"] = came.Where(c => c.Organization?.Type is OrganizationType.InternationalOrganization).Select(c => c.OrganizationId).Distinct().Count(),
            },
            ["heads_of_mission"] = came.Where(c => (c.HeadOfMissionClass is not null || c.HeadsInternationalOrganization) && MayBeNamed(c))
                .Select(c => Escape(c.Organization is { } o ? $"{Named(c)} ({OrganizationOf(o)})" : c.Position is { Length: > 0 } post && words.Language == written ? $"{Named(c)} ({post})" : Named(c))).ToList(),
            ["programme"] = items,
            ["speakers"] = items.Where(i => i["speaker"] is not null).ToList(),
            ["words"] = new Dictionary<string, object?> { ["speech"] = words.Speech },
            // A name whose Latin reading is a guess, or an organization not named in this language, is marked † in
            // the text; the template may say so at the end.
            ["names_to_check"] = uncertain,
        };
    }

    private static readonly string[] OfficeWords = [.. new[]
    {
        "embassy", "consulate", "chancery", "high commission", "ambassade", "consulat", "chancellerie", "embajada", "consulado", "cancilleria",
        "посольств", "консульств", "大使馆", "领事馆", "总领事馆", "سفارة", "قنصلية",
    }.Select(Text.Fold)];

    private static bool AtMission(Event e, string? localVenue, Mission mission)
    {
        var venues = new[] { e.Venue, localVenue }.Select(Text.Fold).Where(v => v.Length > 0).ToList();
        return venues.Any(v => OfficeWords.Any(w => v.Contains(w, StringComparison.Ordinal)) || v.Contains(Text.Fold(mission.Name), StringComparison.Ordinal))
            || e.Address is { Length: > 0 } && Text.Fold(e.Address) == Text.Fold(mission.Address);
    }

    // Fluid says "… at (3:41)\nSource: …"; a person reads "at line 3, column 41".
    private static string Where(string error) =>
        FluidPosition().Replace(error.Split("\nSource:", 2)[0].Trim(), m => $"at line {m.Groups[1].Value}, column {m.Groups[2].Value}");

    private static bool MayBeNamed(Contact c) => c.ErasedAt is null && !c.NotNamedPublicly;

    private sealed record SpeakerWords(string Words, Gender? Gender, bool Typed = false);

    // The speaker as the programme records them (rank and honours included, gender read from their honorific); a
    // linked person who may not be named is left out, and a linked person with nothing typed is named from the
    // directory with their position ("H.E. Wang Wei, Ambassador of China") where it is written in this language
    // (<paramref name="otherLanguage"/> is null when the draft is in the mission's own).
    private static SpeakerWords? Speaker(ProgrammeItem p, Dictionary<Guid, Contact> contacts, Func<Contact, string> named, string? otherLanguage)
    {
        if (p.SpeakerContactId is { } id && contacts.TryGetValue(id, out var c))
        {
            if (!MayBeNamed(c))
            {
                return null;
            }
            // What the programme printed by itself for them is not the officer's writing: the draft names them in its language.
            if (string.IsNullOrWhiteSpace(p.Speaker) || p.Speaker == EventEditor.SpeakerFor(c))
            {
                var name = named(c);
                return new(c.Position is { Length: > 0 } post && otherLanguage is null ? $"{name}, {post}" : name, c.GrammaticalGender);
            }
            return new(p.Speaker, c.GrammaticalGender, Typed: true);
        }
        return string.IsNullOrWhiteSpace(p.Speaker) ? null
            : new(p.Speaker, p.Speaker.Split([' ', ','], 2) is [var first, ..] ? Genders.FromHonorific(first) : null, Typed: true);
    }

    /// <summary>
    /// A value printed as written wherever it lands in the Markdown: a backslash before each mark Markdown could read
    /// as emphasis, a link, markup or an entity, before a leading list or heading mark, and inside what the autolink
    /// extension would turn into a link ("www.", "://").
    /// </summary>
    public static string? Escape(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var escaped = MarkdownSyntax().Replace(value, @"\$0");
        escaped = LeadingBlockMark().Replace(escaped, @"$1\$2");
        return escaped.Replace("://", @"\://", StringComparison.Ordinal).Replace("www.", @"www\.", StringComparison.OrdinalIgnoreCase);
    }

    private static string Unescape(string value) => EscapedMark().Replace(value, "$1");

    [GeneratedRegex(@"^(\s*)([-+=]|\d+(?=[.)]))")]
    private static partial Regex LeadingBlockMark();

    [GeneratedRegex(@"[\\`*_\[\]<>#|~!&]")]
    private static partial Regex MarkdownSyntax();

    [GeneratedRegex(@"\\([\\`*_\[\]<>#|~!&.:=+-])")]
    private static partial Regex EscapedMark();

    // (1..100000000) inside {{ }} or {% %}: a range is built whole before any step is counted.
    [GeneratedRegex(@"(?:\{\{|\{%)(?:(?!\}\}|%\}).)*?(\(\s*[^()]*?\.\.[^()]*?\))", RegexOptions.Singleline)]
    private static partial Regex RangeInTag();

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex FluidPosition();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();
}

/// <summary>A writer that refuses to hold more than <c>max</c> characters.</summary>
internal sealed class CappedWriter(int max) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        Check(1);
        base.Write(value);
    }

    public override void Write(string? value)
    {
        Check(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Check(count);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    private void Check(int adding)
    {
        if (GetStringBuilder().Length + adding > max)
        {
            throw new InvalidOperationException($"it wrote more than {max:N0} characters.");
        }
    }
}
