using System.Collections.Frozen;

namespace Chancery.Domain.Contacts;

/// <summary>
/// Countries' names in the six languages Chancery ships, from the Unicode CLDR (countries.tsv beside this file, its
/// licence in its header). A country is typed by the office as it likes ("China", « Chine », "Turkey"); any of its
/// names in any of the six, or an older or shorter English one, finds it. docs/names.md §Organizations.
/// </summary>
public static class Countries
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es", "ru", "zh", "ar"];

    private sealed record Country(string Code, string[] Names);

    private static readonly (FrozenDictionary<string, Country> ByName, FrozenDictionary<string, Country> ByCode) Table = Load();

    /// <summary>The ISO 3166 code of the country so named, or null when none is.</summary>
    public static string? Code(string? name) => Find(name)?.Code;

    /// <summary>The country's name in <paramref name="language"/> (CLDR's), or null for a name not known or a language not shipped.</summary>
    public static string? NameIn(string? name, string language)
    {
        var index = Index(language);
        return index < 0 || Find(name) is not { } country ? null : country.Names[index];
    }

    /// <summary>The name of the country with ISO 3166 <paramref name="code"/> in <paramref name="language"/>, or null.</summary>
    public static string? NameOfCode(string code, string language)
    {
        var index = Index(language);
        return index >= 0 && Table.ByCode.TryGetValue(code.ToUpperInvariant(), out var c) ? c.Names[index] : null;
    }

    private static int Index(string language) => Languages.ToList().IndexOf(Events.InvitationLanguages.Primary(language));

    private static Country? Find(string? name) =>
        Text.Fold(name) is { Length: > 0 } key && Table.ByName.TryGetValue(Key(key), out var c) ? c : null;

    // "Côte d’Ivoire" and "Cote d'Ivoire", "Congo - Kinshasa" and "Congo-Kinshasa" are one key.
    private static string Key(string folded) => folded.Replace('’', '\'').Replace(" - ", "-", StringComparison.Ordinal);

    private static (FrozenDictionary<string, Country>, FrozenDictionary<string, Country>) Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("countries.tsv")
            ?? throw new InvalidOperationException("countries.tsv is missing from the build.");
        using var reader = new StreamReader(stream);
        var byName = new Dictionary<string, Country>();
        var byCode = new Dictionary<string, Country>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            var columns = line.Split('\t');
            var country = new Country(columns[0], columns[1..(1 + Languages.Count)]);
            byCode[country.Code] = country;
            // The six standard names first, so a short form shared by two ("Congo") never displaces a standard name.
            foreach (var n in country.Names.Concat(columns.Length > 7 ? columns[7].Split('|', StringSplitOptions.RemoveEmptyEntries) : []))
            {
                byName.TryAdd(Key(Text.Fold(n)), country);
            }
            byName.TryAdd(Key(Text.Fold(country.Code)), country);
        }
        return (byName.ToFrozenDictionary(), byCode.ToFrozenDictionary());
    }
}
