using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Chancery.Infrastructure;

/// <summary>
/// An enum value as a person reads it: its <see cref="DisplayAttribute"/> where the words are not simply the name's
/// (Chargé d'affaires a.i.), else the name split into words ("InternationalOrganization" → "International
/// organization"). The name itself stays what forms post, the API speaks and the import reads.
/// </summary>
public static partial class Words
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string For(Enum value) => Cache.GetOrAdd(value, v =>
    {
        var name = v.ToString();
        var display = v.GetType().GetField(name)?.GetCustomAttribute<DisplayAttribute>()?.Name;
        if (display is not null)
        {
            return display;
        }
        return Of(name);
    });

    /// <summary>
    /// A language named in the staff pages' own language, English, for a sentence ("A French version to write"); the
    /// tag itself for one .NET does not know. Lists a person chooses from may show each in its own name instead.
    /// </summary>
    public static string Language(string tag)
    {
        var culture = Domain.Invitations.InvitationWording.Culture(tag);
        return culture.Equals(System.Globalization.CultureInfo.InvariantCulture) ? tag : culture.EnglishName;
    }

    /// <summary>An identifier (a field, a kind of record) in words: "ProgrammeItem" → "Programme item".</summary>
    public static string Of(string identifier)
    {
        var words = Capitals().Replace(identifier, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? identifier : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>For a nullable value: its words, or <paramref name="none"/>.</summary>
    public static string For(Enum? value, string none) => value is null ? none : For(value);

    /// <summary>A select list's options: the name as the value (what the form posts), the words as the text.</summary>
    public static IEnumerable<SelectListItem> Options<T>(T? selected = null) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(For(v), v.ToString(), selected is { } s && s.Equals(v)));

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Capitals();
}
