using Chancery.Domain.Contacts;

namespace Chancery.Domain.Invitations;

/// <summary>
/// The dress codes invitations name, in the six shipped languages (docs/wording.md, "Dress" of each language): an
/// event whose dress code is one of them, written in any of these languages, has it on every card in the card's own
/// words; any other dress code is the office's to write per language.
/// </summary>
public static class DressCodes
{
    // Before Known: static fields are set in the order they are written, and Known's builder reads this one.
    private static readonly string[] Shipped = ["en", "fr", "es", "ru", "zh", "ar"];

    private static readonly Dictionary<string, string>[] Known =
    [
        Words("Dark suit", "tenue de ville", "Traje oscuro", "тёмный костюм", "深色西装", "بدلة داكنة", "Lounge suit", "Costume sombre"),
        Words("Black tie", "cravate noire", "Esmoquin", "смокинг", "黑领结", "ربطة عنق سوداء", "Smoking", "Tuxedo"),
        Words("White tie", "cravate blanche", "Frac", "фрак", "白领结", "ربطة عنق بيضاء"),
        Words("National dress", "tenue nationale", "Traje nacional", "национальная одежда", "民族服装", "الزي الوطني"),
        Words("Lounge suit or national dress", "tenue de ville ou tenue nationale", "Traje oscuro o traje nacional", "тёмный костюм или национальная одежда", "深色西装或民族服装", "بدلة داكنة أو الزي الوطني", "Dark suit or national dress"),
        Words("Business attire", "tenue d'affaires", "Traje de negocios", "деловой костюм", "商务正装", "لباس رسمي", "Business suit"),
        Words("Casual", "tenue décontractée", "Informal", "повседневная одежда", "便装", "لباس غير رسمي", "Smart casual"),
    ];

    // The first six are the words printed in en, fr, es, ru, zh and ar; any further ones are other names read as the same code.
    private static Dictionary<string, string> Words(params string[] words)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            d[i < Shipped.Length ? Shipped[i] : "alias" + i] = words[i];
        }
        return d;
    }

    /// <summary>The dress code in the language's words, when it is one this table knows and the language ships; else null.</summary>
    public static string? In(string? dressCode, string language)
    {
        if (string.IsNullOrWhiteSpace(dressCode))
        {
            return null;
        }
        var folded = Text.Fold(dressCode);
        var code = Known.FirstOrDefault(k => k.Values.Any(w => Text.Fold(w) == folded));
        return code?.GetValueOrDefault(Events.InvitationLanguages.Primary(language));
    }
}
