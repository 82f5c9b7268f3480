using System.Globalization;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Names;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;

namespace Chancery.Domain.Invitations;

/// <summary>Host practice on forms of address (docs/events.md §3a): settings, not code.</summary>
public sealed record AddressPractice(bool ExcellencyForHeadsOfInternationalOrganizations = true)
{
    public static readonly AddressPractice Default = new();
}

/// <summary>An invitation's lines, in the guest's language, as the card and the e-mail print them.</summary>
public sealed record InvitationCard(string Language, bool RightToLeft, string Subject, string Request, string When, string? Reply, string? Dress, string Addressee,
    string? Lead = null, string Title = "", string? Signature = null, string Venue = "", string CodeLine = "Code: {{ code }}", string? Salutation = null, string? Company = null);

/// <summary>What a message to a guest is: the invitation itself, a reminder to answer, or word that a place is theirs.</summary>
public enum GuestMailKind
{
    Invitation,
    Reminder,
    Place,
}

/// <summary>
/// The diplomatic form of an invitation, one rule at a time (docs/events.md §3a, docs/wording.md): the host speaks in the
/// third person; His or Her Excellency for heads of mission of classes 1 and 2 and heads of international
/// organizations, never for a chargé d'affaires or diplomatic staff; the partner by name; R.S.V.P. with the
/// deadline and the office's contact, or Regrets only, or p.m. for a guest who has already answered; the dress code.
/// </summary>
public static class InvitationWording
{
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
            : sameFamily && !string.IsNullOrWhiteSpace(c.SpouseHonorific) ? $"{OwnHonorific(c.SpouseHonorific, texts) ?? c.SpouseHonorific!.Trim()} {c.SpouseLastName.Trim()}"
            : Styled(c.SpouseHonorific, c.SpouseFirstName, c.SpouseLastName, c.SpouseOrder, texts);
        // Chinese and Japanese join without spaces: 王伟阁下及李丽夫人.
        return texts.ExcellencyAfterName ? $"{name}{texts.And}{partner}" : $"{name} {texts.And} {partner}";
    }

    /// <summary>
    /// A person as a text in <paramref name="language"/> names them (a news item): their honorific and Excellency in
    /// that language's words (S.E. M., 阁下, سعادة), and their name in its script — in Latin letters for a language
    /// written in them, from the recorded or a sure reading. <paramref name="uncertain"/> says the Latin reading is a
    /// guess or missing: the press office checks it before anything is published.
    /// </summary>
    public static string InLanguage(Contact c, string language, AddressPractice practice, out bool uncertain)
    {
        var texts = InvitationTexts.For(language);
        var (first, last, order) = (c.FirstName, c.LastName, c.Order);
        uncertain = false;
        if (EventWords.LatinScript(language) && Scripts.OfName(c.FirstName, c.LastName) is not (Script.Latin or Script.None))
        {
            var latin = c.Latin;
            uncertain = latin.ToCheck;
            if (latin.Source != LatinSource.Missing)
            {
                (first, last) = (latin.Given, latin.Family);
            }
        }
        var name = Styled(PersonalHonorific(c.Honorific), first, last, order, texts);
        return !IsExcellency(c, practice) ? name
            : texts.ExcellencyAfterName ? $"{PersonName.Full(first, last, order)}{texts.Excellency}" : $"{texts.Excellency} {name}";
    }

    /// <summary>
    /// A name with its honorific in the card's language and where it places it: before the name ("M. Jean Dupont",
    /// "السيدة ليلى"), or after it where the language does ("李丽夫人", "刘敏先生"); a title the language's words do not
    /// know stays as recorded, before the name.
    /// </summary>
    private static string Styled(string? honorific, string? first, string last, NameOrder order, InvitationTexts texts)
    {
        if (OwnHonorific(honorific, texts) is { } own)
        {
            return texts.ExcellencyAfterName ? $"{PersonName.Full(first, last, order)}{own}" : PersonName.WithHonorific(own, first, last, order);
        }
        return PersonName.WithHonorific(honorific, first, last, order);
    }

    /// <summary>The language's own word for a recorded honorific ("Mrs." → « Mme », "Mr." → «г-н»); null when it has none.</summary>
    private static string? OwnHonorific(string? honorific, InvitationTexts texts)
    {
        var key = honorific?.Trim().TrimEnd('.').ToLowerInvariant();
        return key is null ? null : texts.Honorifics?.GetValueOrDefault(key);
    }

    /// <summary>
    /// The card's lines for one guest, on the venue's wall clock, in the guest's language, with the event's words in
    /// that language (<paramref name="words"/>; made from the event alone when not given) and the verb agreeing with its hosts.
    /// </summary>
    public static InvitationCard Card(Event e, Guest g, string language, string? officeContact, bool answeredAlready = false, AddressPractice? practice = null,
        InvitationTexts? texts = null, LocalWords? words = null, GuestMailKind kind = GuestMailKind.Invitation)
    {
        texts ??= InvitationTexts.For(language);
        practice ??= AddressPractice.Default;
        words ??= EventWords.For(e, EventVoice.Unnamed, null, language);
        var culture = Culture(language);
        var c = g.Contact ?? throw new InvalidOperationException("The guest's contact is needed to address the card.");
        var guest = Addressee(c, GuestCounts.HasPartner(g), texts, practice);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hosts"] = words.Hosts,
            ["guest"] = InvitationLanguages.Primary(language) == "es" ? SpanishObject(guest) : guest,
            ["title"] = words.Title,
            ["occasion"] = words.Occasion,
            ["date"] = e.StartsAtLocal.ToString(texts.DatePattern, culture),
            ["time"] = e.StartsAtLocal.ToString(texts.TimePattern, culture),
            ["venue"] = words.Venue,
            ["deadline"] = e.RsvpByLocal?.ToString(texts.DatePattern, culture) ?? "",
            ["contact"] = officeContact ?? "",
            ["dress"] = words.Dress ?? "",
        };
        // Rendered once: a "{{ guest }}" inside a title or a name stays as written, never filled in again.
        string Fill(string template) => TextTemplates.Fill(template, values, culture).Trim().TrimEnd(':', '：').Trim();
        // p.m. (pour mémoire): the answer is known already, so the card only reminds; else Regrets only, else R.S.V.P.
        var reply = g.Rsvp != RsvpAnswer.Pending && answeredAlready ? texts.PourMemoire
            : e.RegretsOnly ? Fill(texts.RegretsOnly)
            : e.RsvpByLocal is null ? Fill(texts.RsvpOpen)
            : Fill(texts.Rsvp);
        var subject = kind switch { GuestMailKind.Reminder => texts.ReminderSubject, GuestMailKind.Place => texts.PlaceSubject, _ => texts.Subject };
        var lead = kind switch { GuestMailKind.Reminder => texts.ReminderLine, GuestMailKind.Place => texts.PlaceLine, _ => null };
        return new InvitationCard(language, InvitationLanguages.RightToLeft(language), Fill(subject), Fill(texts.Request(words.Grammar)), Fill(texts.When), reply,
            words.Dress is null ? null : Fill(texts.Dress), guest, lead, words.Title, texts.Signature is { } signature ? Fill(signature) : null, words.Venue, texts.CodeLabel,
            texts.Salutation is null ? null : guest,
            // How many the guest may bring, when the office allowed anyone: the card is where a guest learns it.
            (g.PlusOnesAllowed ?? g.PlusOnes) is > 0 and var company ? TextTemplates.Fill(texts.Company, new Dictionary<string, string> { ["n"] = company.ToString(culture) }, culture) : null);
    }

    /// <summary>
    /// The guest as the object of « invitar »: with the preposition and the article Spanish puts before a title ("al Sr.
    /// Juan Pérez", "a la Sra. Lucía Gómez", "a S.E. el Sr. …"); a name without a title takes "a" alone.
    /// </summary>
    private static string SpanishObject(string addressee)
    {
        static bool Starts(string s, params string[] words) => words.Any(w => s.StartsWith(w + " ", StringComparison.Ordinal));
        if (addressee.StartsWith("S.E. ", StringComparison.Ordinal))
        {
            var rest = addressee[5..];
            var article = Starts(rest, "Sra.", "Srta.", "Dra.") ? "la " : Starts(rest, "Sr.", "Dr.") ? "el " : "";
            return $"a S.E. {article}{rest}";
        }
        return Starts(addressee, "Sr.", "Dr.") ? "al " + addressee : Starts(addressee, "Sra.", "Srta.", "Dra.") ? "a la " + addressee : "a " + addressee;
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
