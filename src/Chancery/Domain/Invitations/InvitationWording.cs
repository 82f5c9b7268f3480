using System.Globalization;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Names;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;

namespace Chancery.Domain.Invitations;

/// <summary>Host practice on forms of address (PRODUCT.md): settings, not code.</summary>
public sealed record AddressPractice(bool ExcellencyForHeadsOfInternationalOrganizations = true)
{
    public static readonly AddressPractice Default = new();
}

/// <summary>An invitation's lines, in the guest's language, as the card and the e-mail print them.</summary>
public sealed record InvitationCard(string Language, bool RightToLeft, string Subject, string Request, string When, string? Reply, string? Dress, string Addressee, string? Lead = null);

/// <summary>What a message to a guest is: the invitation itself, a reminder to answer, or word that a place is theirs.</summary>
public enum GuestMailKind
{
    Invitation,
    Reminder,
    Place,
}

/// <summary>
/// The diplomatic form of an invitation, one rule at a time (PRODUCT.md, "Forms of address"): the host speaks in the
/// third person; His or Her Excellency for heads of mission of classes 1 and 2 and heads of international
/// organizations, never for a chargé d'affaires or diplomatic staff; the partner by name; R.S.V.P. with the
/// deadline and the office's contact, or Regrets only, or p.m. for a guest who has already answered; the dress code.
/// </summary>
public static partial class InvitationWording
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>Whether the guest is styled His or Her Excellency.</summary>
    public static bool IsExcellency(Contact c, AddressPractice practice) =>
        c.HeadOfMissionClass is HeadOfMissionClass.Ambassador or HeadOfMissionClass.Envoy
        || (c.HeadsInternationalOrganization && practice.ExcellencyForHeadsOfInternationalOrganizations);

    /// <summary>
    /// The honorific as recorded without any Excellency in it ("H.E. Mr." → "Mr."): the rule, not the record, decides
    /// who is an Excellency, so a chargé d'affaires imported as "H.E." is not styled one.
    /// </summary>
    public static string? PersonalHonorific(string? honorific)
    {
        if (string.IsNullOrWhiteSpace(honorific))
        {
            return null;
        }
        var rest = honorific.Trim();
        foreach (var excellency in (string[])["His Excellency", "Her Excellency", "H.E.", "HE", "S.E.", "Son Excellence", "Su Excelencia"])
        {
            if (rest.StartsWith(excellency, StringComparison.OrdinalIgnoreCase) && (rest.Length == excellency.Length || !char.IsLetter(rest[excellency.Length])))
            {
                rest = rest[excellency.Length..].Trim();
                break;
            }
        }
        return rest.Length == 0 ? null : rest;
    }

    /// <summary>
    /// The guest as addressed: "H.E. Ms. Aino Virtanen", "王伟阁下"; with the partner when invited: "H.E. Mr. John
    /// Smith and Mrs. Smith" (the same family name), "… and Ms. Anna Schmidt" (another); "and partner" never.
    /// </summary>
    public static string Addressee(Contact c, bool partnerInvited, InvitationTexts texts, AddressPractice practice)
    {
        var name = Styled(PersonalHonorific(c.Honorific), c.FirstName, c.LastName, c.Order, texts);
        if (IsExcellency(c, practice))
        {
            name = texts.ExcellencyAfterName ? $"{PersonName.Full(c.FirstName, c.LastName, c.Order)}{texts.Excellency}" : $"{texts.Excellency} {name}";
        }
        if (!partnerInvited || c.SpouseLastName is null)
        {
            return name;
        }
        var sameFamily = string.Equals(Text.Fold(c.SpouseLastName), Text.Fold(c.LastName), StringComparison.Ordinal);
        var partner = texts.ExcellencyAfterName ? Styled(c.SpouseHonorific, c.SpouseFirstName, c.SpouseLastName, c.SpouseOrder, texts)
            : sameFamily && !string.IsNullOrWhiteSpace(c.SpouseHonorific) ? $"{c.SpouseHonorific!.Trim()} {c.SpouseLastName.Trim()}"
            : c.SpouseDisplayName;
        // Chinese and Japanese join without spaces: 王伟阁下及李丽夫人.
        return texts.ExcellencyAfterName ? $"{name}{texts.And}{partner}" : $"{name} {texts.And} {partner}";
    }

    /// <summary>
    /// A name with its honorific as the language places it: before it ("Mrs. Li Li"), or after it in the language's
    /// own word where it has one ("李丽夫人", "刘敏先生"); a title the language's words do not know stays before it.
    /// </summary>
    private static string Styled(string? honorific, string? first, string last, NameOrder order, InvitationTexts texts)
    {
        var key = honorific?.Trim().TrimEnd('.').ToLowerInvariant();
        if (texts.ExcellencyAfterName && key is not null && texts.Honorifics?.GetValueOrDefault(key) is { } own)
        {
            return $"{PersonName.Full(first, last, order)}{own}";
        }
        return PersonName.WithHonorific(honorific, first, last, order);
    }

    /// <summary>The card's lines for one guest, on the venue's wall clock, in the guest's language.</summary>
    public static InvitationCard Card(Event e, Guest g, string language, string? officeContact, bool answeredAlready = false, AddressPractice? practice = null,
        InvitationTexts? texts = null, InvitationText? own = null, GuestMailKind kind = GuestMailKind.Invitation)
    {
        texts ??= InvitationTexts.For(language);
        practice ??= AddressPractice.Default;
        var culture = Culture(language);
        var c = g.Contact ?? throw new InvalidOperationException("The guest's contact is needed to address the card.");
        var guest = Addressee(c, GuestCounts.HasPartner(g), texts, practice);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hosts"] = own?.Hosts ?? e.Hosts ?? "",
            ["guest"] = guest,
            ["occasion"] = own?.Occasion ?? e.Title,
            ["date"] = e.StartsAtLocal.ToString(texts.DatePattern, culture),
            ["time"] = e.StartsAtLocal.ToString(texts.TimePattern, culture),
            ["venue"] = own?.Venue ?? string.Join(", ", new[] { e.Venue, e.Address }.Where(s => !string.IsNullOrWhiteSpace(s))),
            ["deadline"] = e.RsvpByLocal?.ToString(texts.DatePattern, culture) ?? "",
            ["contact"] = officeContact ?? "",
            ["dress"] = e.DressCode ?? "",
        };
        // One pass over the template: a "{guest}" inside a title or a name stays as written, never filled in again.
        string Fill(string template) => Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value)
            .Trim().TrimEnd(':', '：').Trim();
        // p.m. (pour mémoire): the answer is known already, so the card only reminds; else Regrets only, else R.S.V.P.
        var reply = g.Rsvp != RsvpAnswer.Pending && answeredAlready ? texts.PourMemoire
            : e.RegretsOnly ? Fill(texts.RegretsOnly)
            : e.RsvpByLocal is null ? Fill(texts.RsvpOpen)
            : Fill(texts.Rsvp);
        var subject = kind switch { GuestMailKind.Reminder => texts.ReminderSubject, GuestMailKind.Place => texts.PlaceSubject, _ => texts.Subject };
        var lead = kind switch { GuestMailKind.Reminder => texts.ReminderLine, GuestMailKind.Place => texts.PlaceLine, _ => null };
        return new InvitationCard(language, InvitationLanguages.RightToLeft(language), Fill(subject), Fill(texts.Request), Fill(texts.When), reply,
            e.DressCode is null ? null : Fill(texts.Dress), guest, lead);
    }

    /// <summary>The language's culture from CLDR (ICU), for month names; the invariant culture for a tag .NET does not know.</summary>
    public static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
